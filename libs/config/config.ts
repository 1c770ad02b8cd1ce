/**
 * Configuration, one validated area at a time, read from the environment in
 * this one place. Defaults point at the embedded services that
 * `scripts/services.sh` starts; a missing or malformed setting stops start-up
 * with a message naming the variable.
 */
import { z } from 'zod';

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
    MAIL_PAGE_PORT: port.default(8025),
  }),
  storage: z.object({
    REPORTS_DIR: z.string().min(1).default('out/reports'),
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
    Object.keys(schema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(relevant);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0]), problem: i.message })));
  }
  return result.data as Config<A>;
}
