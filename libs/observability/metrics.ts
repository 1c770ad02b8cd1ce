/**
 * Application metrics in Prometheus' text format (prom-client), one registry
 * per process: the worker's activities, the mail relay's deliveries and the
 * API's requests, beside the
 * Node.js process metrics. The Temporal SDK's own metrics come from its
 * runtime (see apps/worker) and are appended to the worker's page.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface AppMetrics {
  registry: Registry;
  /** Activity executions by type and outcome (completed, failed), with their duration. */
  activitySeconds: Histogram<'activity' | 'outcome'>;
  /** Notices by event and delivery status (sent, already_sent, undeliverable). */
  notices: Counter<'event' | 'status'>;
  /** Item commands recorded (submit, review, accept, reopen, contribute…). */
  itemCommands: Counter<'type'>;
  /** Work items written when a cycle is prepared. */
  workItemsPrepared: Counter;
  /** The mail relay's SMTP attempts by event and outcome (sent, undeliverable, retry). */
  mailDeliveries: Counter<'event' | 'outcome'>;
  /** HTTP requests by method, route pattern and status. */
  httpSeconds: Histogram<'method' | 'route' | 'status'>;
}

export function createAppMetrics(app: 'worker' | 'api' | 'mail-relay'): AppMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: 'plan_eval_' });
  const registers = [registry];
  return {
    registry,
    activitySeconds: new Histogram({
      name: 'plan_eval_activity_duration_seconds',
      help: 'Activity executions by type and outcome',
      labelNames: ['activity', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    notices: new Counter({
      name: 'plan_eval_notices_total',
      help: 'Notices by event and delivery status',
      labelNames: ['event', 'status'],
      registers,
    }),
    itemCommands: new Counter({
      name: 'plan_eval_item_commands_total',
      help: 'Item commands recorded, by type',
      labelNames: ['type'],
      registers,
    }),
    workItemsPrepared: new Counter({
      name: 'plan_eval_work_items_prepared_total',
      help: 'Work items written when cycles were prepared',
      registers,
    }),
    mailDeliveries: new Counter({
      name: 'plan_eval_mail_deliveries_total',
      help: 'SMTP attempts of the mail relay, by event and outcome',
      labelNames: ['event', 'outcome'],
      registers,
    }),
    httpSeconds: new Histogram({
      name: 'plan_eval_http_request_duration_seconds',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
  };
}

/**
 * One read shared by every gauge of a scrape: prom-client collects a page's
 * gauges at once, so those asking while a read is in flight share it, and the
 * next scrape reads afresh. A failed read gives `undefined`: its gauges show
 * no figure (NaN) rather than failing the whole page, whose readiness gauge
 * then says what is unreachable.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T | undefined> {
  let inFlight: Promise<T | undefined> | null = null;
  return () =>
    (inFlight ??= read()
      .catch(() => undefined)
      .finally(() => (inFlight = null)));
}

/**
 * The outbox as the mail relay's scrape finds it: what waits to be sent, and
 * for how long the oldest has (`oldest` in seconds, null when nothing waits).
 */
export function registerOutboxBacklog(
  registry: Registry,
  read: () => Promise<{ pending: number; oldest: number | null }>,
): void {
  const backlog = sharedRead(read);
  const registers = [registry];
  new Gauge({
    name: 'plan_eval_outbox_pending',
    help: 'Notices waiting in the outbox',
    registers,
    async collect() {
      this.set((await backlog())?.pending ?? NaN);
    },
  });
  new Gauge({
    name: 'plan_eval_outbox_oldest_pending_seconds',
    help: 'Age of the oldest notice waiting in the outbox',
    registers,
    async collect() {
      const read = await backlog();
      this.set(read ? (read.oldest ?? 0) : NaN);
    },
  });
}

/**
 * The Temporal SDK's metrics (appended to the worker's page; durations in
 * milliseconds) that deploy/prometheus's alerts and deploy/grafana's dashboard
 * read: test/ops/worker-process finds each on a working worker's page.
 */
export const TEMPORAL_SDK_METRICS = [
  'temporal_activity_schedule_to_start_latency',
  'temporal_workflow_task_schedule_to_start_latency',
  'temporal_worker_task_slots_available',
] as const;

/** The Temporal SDK's exporter page, or a comment saying why it is missing (never fails the scrape). */
export async function fetchMetricsText(address: string): Promise<string> {
  try {
    const response = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.text() : `# temporal sdk metrics unavailable: HTTP ${response.status}\n`;
  } catch (e) {
    return `# temporal sdk metrics unavailable: ${(e as Error).message}\n`;
  }
}

/** A check of something the process cannot work without; absent while the process is still making it. */
export type ReadinessProbe = (() => Promise<unknown>) | undefined;

/** How long a probe may take before it counts as failed: a hung PostgreSQL must not hang /ready. */
const PROBE_TIMEOUT_MS = 2_000;

/** Each probe's outcome: `ok`, `starting`, or why it failed. */
export async function checkReadiness(
  probes: Record<string, ReadinessProbe>,
): Promise<{ ready: boolean; outcomes: Record<string, string> }> {
  const outcomes = await Promise.all(
    Object.entries(probes).map(async ([name, probe]): Promise<[string, string]> => {
      if (!probe) return [name, 'starting'];
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
      });
      try {
        await Promise.race([probe(), timeout]);
        return [name, 'ok'];
      } catch (e) {
        return [name, (e as Error).message];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: outcomes.every(([, outcome]) => outcome === 'ok'), outcomes: Object.fromEntries(outcomes) };
}

/**
 * Readiness as a gauge on the process's page (`plan_eval_ready{check="postgres"}`
 * 1 or 0, probed at the scrape), so Prometheus alerts on it without probing /ready itself.
 */
export function registerReadiness(registry: Registry, probes: () => Record<string, ReadinessProbe>): void {
  new Gauge({
    name: 'plan_eval_ready',
    help: 'Whether what the process needs answers (1) or not (0), by check',
    labelNames: ['check'],
    registers: [registry],
    async collect() {
      const { outcomes } = await checkReadiness(probes());
      for (const [check, outcome] of Object.entries(outcomes)) this.set({ check }, outcome === 'ok' ? 1 : 0);
    },
  });
}

/**
 * The small HTTP listener of a process without an HTTP API (the worker, the
 * mail relay) on its metrics address: GET /metrics; GET /health, which
 * answers while the process runs; and GET /ready, 200 only while every probe
 * answers (503 naming what does not). Resolves once it listens.
 */
export async function serveMetrics(
  address: string,
  render: () => Promise<string>,
  contentType: string,
  readiness: () => Record<string, ReadinessProbe> = () => ({}),
): Promise<Server> {
  const [host, port] = splitHostPort(address);
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') res.writeHead(405, { allow: 'GET' }).end();
    else if (path === '/metrics')
      render().then(
        (body) => res.writeHead(200, { 'content-type': contentType }).end(body),
        (e: Error) => res.writeHead(500).end(`# ${e.message}\n`),
      );
    else if (path === '/health') json(res, 200, { status: 'ok' });
    else if (path === '/ready')
      void checkReadiness(readiness()).then(({ ready, outcomes }) =>
        json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', ...outcomes }),
      );
    else res.writeHead(404).end('GET /metrics, /health or /ready here\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export function splitHostPort(address: string): [string, number] {
  const i = address.lastIndexOf(':');
  return [address.slice(0, i), Number(address.slice(i + 1))];
}
