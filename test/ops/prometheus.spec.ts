/**
 * deploy/prometheus and deploy/grafana, checked by Prometheus' own promtool
 * (built by scripts/tools.sh): the scrape configuration, the alert rules and
 * their unit tests (alerts.test.yml), every alert tested; and every metric the
 * alerts and the dashboard read is one the code defines (the apps' registries,
 * the business and readiness gauges, the outbox's, the Temporal SDK's that
 * test/ops/worker-process finds on a worker's page), every dashboard query valid PromQL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Registry } from 'prom-client';
import { BUSINESS_METRICS, registerBusinessMetrics } from '@libs/observability/business-metrics';
import {
  createAppMetrics,
  registerOutboxBacklog,
  registerReadiness,
  TEMPORAL_SDK_METRICS,
} from '@libs/observability/metrics';

const ROOT = join(__dirname, '../..');
const PROMETHEUS = join(ROOT, 'deploy/prometheus');
const PROMTOOL_VERSION = readFileSync(join(ROOT, 'scripts/tools.sh'), 'utf8').match(/PROMTOOL_VERSION="([\d.]+)"/)![1];
const PROMTOOL = process.env.PROMTOOL_PATH ?? join(ROOT, '.tools/promtool', PROMTOOL_VERSION, 'bin/promtool');

const promtool = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL, args, { cwd: PROMETHEUS });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
};

interface Dashboard {
  panels: Array<{ type: string; title: string; targets?: Array<{ expr: string }> }>;
}
const dashboard = JSON.parse(readFileSync(join(ROOT, 'deploy/grafana/plan-eval.json'), 'utf8')) as Dashboard;
const dashboardQueries = dashboard.panels.flatMap((p) =>
  (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })),
);
const alerts = readFileSync(join(PROMETHEUS, 'alerts.yml'), 'utf8');

/** Every series name the code's metrics give a page (a histogram's _bucket, _sum and _count). */
function definedSeries(): Set<string> {
  const scraped = new Registry();
  registerBusinessMetrics(scraped, () => Promise.reject(new Error('names only')));
  registerReadiness(scraped, () => ({}));
  registerOutboxBacklog(scraped, () => Promise.reject(new Error('names only')));
  const registries = [
    scraped,
    ...(['api', 'worker', 'mail-relay'] as const).map((app) => createAppMetrics(app).registry),
  ];
  const series = new Set<string>();
  for (const metric of registries.flatMap((r) => r.getMetricsAsArray())) {
    const { name, type } = metric as unknown as { name: string; type: string };
    series.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) series.add(name + suffix);
  }
  for (const name of TEMPORAL_SDK_METRICS)
    for (const suffix of ['', '_bucket', '_sum', '_count']) series.add(name + suffix);
  return series;
}

const referenced = (text: string) => [...new Set(text.match(/\b(?:plan_eval|temporal)_[a-z0-9_]+/g) ?? [])];

describe('Prometheus configuration and alerts (promtool)', () => {
  it('the scrape configuration and the rule file it loads are valid', async () => {
    const { code, output } = await promtool('check', 'config', 'prometheus.yml');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS: 1 rule files found') });
  });

  it('the alert rules are valid', async () => {
    const { code, output } = await promtool('check', 'rules', 'alerts.yml');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('the alerts fire as their unit tests expect, and quiet where they expect', async () => {
    const { code, output } = await promtool('test', 'rules', 'alerts.test.yml');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });

  it('every alert has a unit test', () => {
    const tested = new Set(
      [...readFileSync(join(PROMETHEUS, 'alerts.test.yml'), 'utf8').matchAll(/alertname: (\w+)/g)].map((m) => m[1]),
    );
    const defined = [...alerts.matchAll(/- alert: (\w+)/g)].map((m) => m[1]);
    expect(defined.length).toBeGreaterThanOrEqual(8);
    expect(defined.filter((a) => !tested.has(a))).toEqual([]);
  });
});

describe('what the alerts and the dashboard read', () => {
  const series = definedSeries();

  it('includes every business figure and the alerts’ subjects', () => {
    expect(Object.keys(BUSINESS_METRICS).filter((name) => !series.has(name))).toEqual([]);
    const names = referenced(alerts);
    for (const subject of [
      'plan_eval_outbox_oldest_pending_seconds',
      'plan_eval_mail_deliveries_total',
      'plan_eval_activity_duration_seconds_count',
      'temporal_activity_schedule_to_start_latency_bucket',
      'plan_eval_ready',
    ])
      expect(names).toContain(subject);
  });

  it('is only metrics the code defines (or the Temporal SDK’s it relies on)', () => {
    const used = [...referenced(alerts), ...dashboardQueries.flatMap((q) => referenced(q.expr))];
    expect(used.filter((name) => !series.has(name))).toEqual([]);
    // The dashboard shows every business figure.
    const shown = new Set(dashboardQueries.flatMap((q) => referenced(q.expr)));
    expect(Object.keys(BUSINESS_METRICS).filter((name) => !shown.has(name))).toEqual([]);
  });

  it('the dashboard’s queries are valid PromQL (checked as recording rules by promtool)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-eval-dashboard-'));
    try {
      const rules = dashboardQueries.map(
        (q, i) => `      - record: dashboard:query_${i}\n        expr: ${JSON.stringify(q.expr)}`,
      );
      writeFileSync(join(dir, 'dashboard.yml'), `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`);
      const { code, output } = await promtool('check', 'rules', join(dir, 'dashboard.yml'));
      expect({ code, output }).toEqual({
        code: 0,
        output: expect.stringContaining(`SUCCESS: ${rules.length} rules found`),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
