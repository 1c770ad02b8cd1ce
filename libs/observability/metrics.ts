/**
 * Application metrics in Prometheus' text format (prom-client), one registry
 * per process: the worker's activities, the mail relay's deliveries and the
 * API's requests, beside the
 * Node.js process metrics. The Temporal SDK's own metrics come from its
 * runtime (see apps/worker) and are appended to the worker's page.
 */
import { createServer, type Server } from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
 * next scrape reads afresh.
 */
export function sharedRead<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => (inFlight ??= read().finally(() => (inFlight = null)));
}

/** The Temporal SDK's exporter page, or a comment saying why it is missing (never fails the scrape). */
export async function fetchMetricsText(address: string): Promise<string> {
  try {
    const response = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(2000) });
    return response.ok ? await response.text() : `# temporal sdk metrics unavailable: HTTP ${response.status}\n`;
  } catch (e) {
    return `# temporal sdk metrics unavailable: ${(e as Error).message}\n`;
  }
}

/** A minimal HTTP server answering GET /metrics; resolves once it listens. */
export async function serveMetrics(
  address: string,
  render: () => Promise<string>,
  contentType: string,
): Promise<Server> {
  const [host, port] = splitHostPort(address);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end('only GET /metrics here\n');
      return;
    }
    render().then(
      (body) => res.writeHead(200, { 'content-type': contentType }).end(body),
      (e: Error) => res.writeHead(500).end(`# ${e.message}\n`),
    );
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
