/**
 * Configuration, one validated area at a time, read from the environment in
 * this one place. Defaults point at the embedded services that
 * `scripts/services.sh` starts; a missing or malformed setting stops start-up
 * with a message naming the variable.
 */
import { z } from 'zod';
import { parseDuration } from '../cycle/duration';

const url = (protocols: string[]) =>
  z.string().refine((v) => {
    try {
      return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`);

const hostPort = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233');
const port = z.coerce.number().int().min(1).max(65535);
const duration = z.string().refine((v) => parseDuration(v) !== null && parseDuration(v)! > 0, "must be a duration such as '8h' or '60d'");
const DEVELOPMENT_SECRET = 'plan-eval-development-secret-do-not-use-in-production';

export const configSchemas = {
  database: z.object({
    DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:54329/plan_eval'),
  }),
  temporal: z.object({
    TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('plan-eval'),
  }),
  mail: z.object({
    SMTP_URL: url(['smtp', 'smtps']).default('smtp://127.0.0.1:2525'),
    MAIL_FROM: z.string().min(3).default('河源市统计局 <bureau@heyuan.example>'),
    /** Where notices for the bureau itself go (escalations, report ready). */
    BUREAU_EMAIL: z.string().email().default('bureau@heyuan.example'),
  }),
  /** The embedded mail server of the demo: where it keeps messages, and the port of its page. */
  mailbox: z.object({
    MAIL_DIR: z.string().min(1).default('.data/mail'),
    MAIL_PAGE_PORT: z.coerce.number().int().min(0).max(65535).default(8025),
  }),
  storage: z.object({
    REPORTS_DIR: z.string().min(1).default('out/reports'),
    /** Evidence files, named by content hash; outside the database. */
    EVIDENCE_DIR: z.string().min(1).default('.data/evidence'),
    EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  }),
  auth: z
    .object({
      /** Signs sessions and email links. The development default is refused in production. */
      AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_SECRET),
      SESSION_TTL: duration.default('8h'),
      /** How long an email link stays valid (never beyond the cycle's hard close). */
      LINK_TTL: duration.default('60d'),
      NODE_ENV: z.string().default('development'),
    })
    .refine((a) => a.NODE_ENV !== 'production' || a.AUTH_SECRET !== DEVELOPMENT_SECRET, {
      path: ['AUTH_SECRET'],
      message: 'must be set to a secret of your own in production',
    }),
  /** Logs and metrics of the worker and the API; each metrics address is off unless set. */
  observability: z.object({
    LOG_LEVEL: z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR'], { errorMap: () => ({ message: 'must be one of debug, info, warn, error' }) }))
      .default('INFO'),
    /** The worker's own /metrics (app metrics, with the Temporal SDK's appended when those are on). */
    WORKER_METRICS_ADDRESS: hostPort.optional(),
    /** Where the Temporal SDK's Prometheus exporter listens (Runtime telemetry). */
    TEMPORAL_METRICS_ADDRESS: hostPort.optional(),
    /** The mail relay's /metrics (deliveries, the outbox's backlog). */
    MAIL_RELAY_METRICS_ADDRESS: hostPort.optional(),
  }),
  worker: z.object({
    /** A workflow bundle built ahead of time (scripts/build-workflow-bundle.ts); unset, the worker bundles from source. */
    WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
    /** On SIGTERM: how long in-flight activities may run before they are cancelled, and when the worker gives up. */
    WORKER_SHUTDOWN_GRACE_TIME: duration.default('30s'),
    WORKER_SHUTDOWN_FORCE_TIME: duration.default('50s'),
  }),
  http: z.object({
    PORT: port.default(3000),
    PUBLIC_URL: url(['http', 'https']).default('http://localhost:3000'),
  }),
} as const;

export type ConfigArea = keyof typeof configSchemas;
export type Config<A extends ConfigArea> = z.infer<(typeof configSchemas)[A]>;

export class ConfigError extends Error {
  constructor(readonly problems: Array<{ variable: string; problem: string }>) {
    super(
      '配置无效，无法启动 (invalid configuration, not starting):\n' +
        problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** Reads and validates one area of configuration; empty strings count as unset. */
export function loadConfig<A extends ConfigArea>(area: A, env: NodeJS.ProcessEnv = process.env): Config<A> {
  const schema = configSchemas[area];
  const relevant = Object.fromEntries(
    Object.keys((schema instanceof z.ZodEffects ? (schema.innerType() as z.AnyZodObject) : (schema as z.AnyZodObject)).shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(relevant);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0]), problem: i.message })));
  }
  return result.data as Config<A>;
}
