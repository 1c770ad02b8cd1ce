/**
 * Configuration, one validated area at a time, read from the environment in
 * this one place. Defaults point at the embedded services that
 * `scripts/services.sh` starts; a missing or malformed setting stops start-up
 * with a message naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname } from 'node:path';
import { z } from 'zod';
import { parseDuration } from '../cycle/duration';
import { readPayloadKeyring } from '../temporal/payload-keyring';

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol.replace(/:$/, ''));
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  );

/** What Express's `trust proxy` takes as a trusted proxy: an address, a subnet, or one of its named ranges. */
function isProxyAddress(p: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(p)) return true;
  const [address, bits, ...rest] = p.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** A PEM file (certificate or key) read at start-up: unreadable, it stops the start naming the setting. */
const pemFile = z.string().refine((path) => {
  try {
    return readFileSync(path, 'utf8').includes('-----BEGIN ');
  } catch {
    return false;
  }
}, 'must be the path of a readable PEM file (certificate or key)');
/** A client certificate is nothing without its key, and the other way round: the missing one is named. */
function certificateWithKey<C extends string, K extends string>(cert: C, key: K) {
  return (settings: Partial<Record<C | K, string>>, ctx: z.RefinementCtx) => {
    for (const [set, missing] of [
      [cert, key],
      [key, cert],
    ])
      if (settings[set] && !settings[missing])
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [missing], message: `must be set with ${set}` });
  };
}
/** The keyring that encrypts Temporal payloads: read and checked at start-up, its fault named. */
const payloadKeyringFile = z.string().superRefine((path, ctx) => {
  try {
    readPayloadKeyring(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ? 'cannot be read' : (e as Error).message;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a payload keyring file (${path}: ${reason})` });
  }
});
const hostPort = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port, e.g. 127.0.0.1:7233');
const port = z.coerce.number().int().min(1).max(65535);
/** NODE_ENV as the areas that behave differently in production read it. */
const nodeEnv = z.string().default('development');
const isProduction = (settings: { NODE_ENV: string }) => settings.NODE_ENV === 'production';
/** This machine: what a production setting pointing here means is a setting left at its development value. */
const isLocalHost = (host: string) =>
  ['localhost', '[::1]', '::1'].includes(host.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(host);
/** A password kept in a file (a Compose secret): read at start-up, its first line, never empty. */
const passwordFile = z.string().transform((path, ctx) => {
  try {
    const password = readFileSync(path, 'utf8').split('\n')[0].trim();
    if (password !== '') return password;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a file holding a password (${path} is empty)` });
  } catch {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a readable file holding a password (${path})` });
  }
  return z.NEVER;
});
const duration = z
  .string()
  .refine((v) => parseDuration(v) !== null && parseDuration(v)! > 0, "must be a duration such as '8h' or '60d'");
/** The public development secret of earlier versions: anyone could sign an admin's session with it. */
const RETIRED_DEVELOPMENT_SECRET = 'plan-eval-development-secret-do-not-use-in-production';
const SECRET_MIN_LENGTH = 32;

/**
 * This installation's own secret, generated once into `file` (mode 0600) when
 * none is set: the API and the workers of one checkout read the same file. Made
 * under a temporary name and linked into place, so that processes starting
 * together all end up with the one that was linked first.
 */
function installationSecret(file: string): string {
  try {
    return readSecretFile(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    unlinkSync(draft);
  }
  return readSecretFile(file);
}

function readSecretFile(file: string): string {
  const secret = givenSecret(file);
  if ((statSync(file).mode & 0o077) !== 0) throw new Error(`${file} can be read by other users: chmod 600 it`);
  return secret;
}

/**
 * A secret handed to the process as a file (a Compose secret). Its mode is the mount's business, not
 * checked: Compose mounts the host's file with the host's mode, for containers that run as other users.
 */
function givenSecret(file: string): string {
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < SECRET_MIN_LENGTH) throw new Error(`${file} holds fewer than ${SECRET_MIN_LENGTH} characters`);
  return secret;
}

export const configSchemas = {
  database: z
    .object({
      DATABASE_URL: url(['postgres', 'postgresql']).default('postgres://postgres@127.0.0.1:54329/plan_eval'),
      /** The password of DATABASE_URL's user, kept in a file (a Compose secret) instead of in the URL. */
      DATABASE_PASSWORD_FILE: passwordFile.optional(),
    })
    .superRefine((d, ctx) => {
      if (d.DATABASE_PASSWORD_FILE !== undefined && new URL(d.DATABASE_URL).password !== '')
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['DATABASE_PASSWORD_FILE'],
          message: 'is set, yet DATABASE_URL carries a password too: give it in one place',
        });
    })
    .transform(({ DATABASE_URL, DATABASE_PASSWORD_FILE }) => {
      if (DATABASE_PASSWORD_FILE === undefined) return { DATABASE_URL };
      const withPassword = new URL(DATABASE_URL);
      withPassword.password = encodeURIComponent(DATABASE_PASSWORD_FILE);
      return { DATABASE_URL: withPassword.toString() };
    }),
  /**
   * The Temporal frontend. TLS is on when TEMPORAL_TLS is true or any TLS file or name is set;
   * a client certificate and key make it mutual TLS. The names are those the `temporal` CLI
   * reads, so one environment serves the apps and an operator's CLI alike.
   */
  temporal: z
    .object({
      TEMPORAL_ADDRESS: hostPort.default('127.0.0.1:7233'),
      TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
      TEMPORAL_TASK_QUEUE: z.string().min(1).default('plan-eval'),
      TEMPORAL_TLS: z.enum(['true', 'false'], { errorMap: () => ({ message: 'must be true or false' }) }).optional(),
      /** The CA that signed the server's certificate; unset, the system's roots. */
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: pemFile.optional(),
      TEMPORAL_TLS_CLIENT_CERT_PATH: pemFile.optional(),
      TEMPORAL_TLS_CLIENT_KEY_PATH: pemFile.optional(),
      /** The name the server's certificate must carry, when it is not the address's host. */
      TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
      /**
       * Encrypts every payload (AES-256-GCM) before it reaches Temporal when set: lines of
       * `key-id:base64-key`, the first encrypts, all decrypt. Unset, histories are readable.
       */
      TEMPORAL_PAYLOAD_KEYS_FILE: payloadKeyringFile.optional(),
      NODE_ENV: nodeEnv,
    })
    .superRefine(certificateWithKey('TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_KEY_PATH'))
    .superRefine((t, ctx) => {
      const anyFile =
        t.TEMPORAL_TLS_SERVER_CA_CERT_PATH || t.TEMPORAL_TLS_CLIENT_CERT_PATH || t.TEMPORAL_TLS_SERVER_NAME;
      if (t.TEMPORAL_TLS === 'false' && anyFile)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['TEMPORAL_TLS'],
          message: 'is false, yet TLS files or a server name are set: remove one or the other',
        });
      // In production a server on another host is reached over TLS, or the operator says in so many words
      // (TEMPORAL_TLS=false) that the network between is private, as inside the Compose stack's own network.
      const host = t.TEMPORAL_ADDRESS.slice(0, t.TEMPORAL_ADDRESS.lastIndexOf(':'));
      if (isProduction(t) && !isLocalHost(host) && t.TEMPORAL_TLS === undefined && !anyFile)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['TEMPORAL_TLS'],
          message: `must be set in production for a Temporal server on another host (${t.TEMPORAL_ADDRESS}): TLS files (TEMPORAL_TLS_SERVER_CA_CERT_PATH, TEMPORAL_TLS_CLIENT_CERT_PATH), TEMPORAL_TLS=true, or TEMPORAL_TLS=false on a private network`,
        });
    }),
  /**
   * The SMTP server the mail relay sends through. Any SMTP_TLS_* setting makes TLS required (STARTTLS
   * on smtp://, TLS from the start on smtps://); a client certificate and key make it mutual.
   */
  mail: z
    .object({
      SMTP_URL: url(['smtp', 'smtps']).default('smtp://127.0.0.1:2525'),
      MAIL_FROM: z.string().min(3).default('河源市统计局 <bureau@heyuan.example>'),
      /** Where notices for the bureau itself go (escalations, report ready). */
      BUREAU_EMAIL: z.string().email().default('bureau@heyuan.example'),
      SMTP_TLS_CA_PATH: pemFile.optional(),
      SMTP_TLS_CERT_PATH: pemFile.optional(),
      SMTP_TLS_KEY_PATH: pemFile.optional(),
      SMTP_TLS_SERVER_NAME: z.string().min(1).optional(),
    })
    .superRefine(certificateWithKey('SMTP_TLS_CERT_PATH', 'SMTP_TLS_KEY_PATH')),
  /** The embedded mail server of the demo: where it keeps messages, and the port of its page. */
  mailbox: z.object({
    MAIL_DIR: z.string().min(1).default('.data/mail'),
    MAIL_PAGE_PORT: z.coerce.number().int().min(0).max(65535).default(8025),
  }),
  /** The bureau that runs the evaluation, as notices, link pages and refusals name it (e.g. 河源市统计局). */
  bureau: z.object({
    BUREAU_NAME: z.string().trim().min(1).max(100).default('市统计局'),
  }),
  /** The issuing organ a report's cover and metadata name (e.g. 河源市统计局、河源市发展和改革局). */
  report: z.object({
    REPORT_ISSUER: z.string().min(1).max(200).default('市统计局'),
    REPORT_ISSUER_EN: z.string().min(1).max(200).default('Municipal Bureau of Statistics'),
  }),
  storage: z.object({
    REPORTS_DIR: z.string().min(1).default('out/reports'),
    /** Evidence files, named by content hash; outside the database. */
    EVIDENCE_DIR: z.string().min(1).default('.data/evidence'),
    EVIDENCE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
  }),
  auth: z
    .object({
      /**
       * Signs sessions and email links: the same for the API and every worker. Unset, it is read
       * from AUTH_SECRET_FILE.
       */
      AUTH_SECRET: z
        .string()
        .min(SECRET_MIN_LENGTH, `must be at least ${SECRET_MIN_LENGTH} characters`)
        .refine(
          (v) => v !== RETIRED_DEVELOPMENT_SECRET,
          'is the published development secret: set one of your own (openssl rand -hex 32), or unset it to have one generated',
        )
        .optional(),
      /**
       * The file holding the secret when AUTH_SECRET is unset. In production it is given (a Compose
       * secret) and only read; elsewhere each installation generates its own there when it is missing.
       */
      AUTH_SECRET_FILE: z.string().min(1).optional(),
      SESSION_TTL: duration.default('8h'),
      /** How long an email link stays valid (never beyond the cycle's hard close). */
      LINK_TTL: duration.default('60d'),
      NODE_ENV: nodeEnv,
    })
    // A secret generated in production would be each container's own: links one signs, another refuses.
    .refine((a) => !isProduction(a) || a.AUTH_SECRET !== undefined || a.AUTH_SECRET_FILE !== undefined, {
      path: ['AUTH_SECRET'],
      message: `must be set in production, or AUTH_SECRET_FILE the file holding it: at least ${SECRET_MIN_LENGTH} random characters (openssl rand -hex 32), the same for the API and the workers`,
    })
    .transform(({ AUTH_SECRET, AUTH_SECRET_FILE = '.data/auth-secret', ...a }, ctx) => {
      if (AUTH_SECRET) return { ...a, AUTH_SECRET_FILE, AUTH_SECRET };
      try {
        const secret = isProduction(a) ? givenSecret(AUTH_SECRET_FILE) : installationSecret(AUTH_SECRET_FILE);
        return { ...a, AUTH_SECRET_FILE, AUTH_SECRET: secret };
      } catch (e) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['AUTH_SECRET_FILE'],
          message: `no AUTH_SECRET set, and none to read: ${(e as Error).message}`,
        });
        return z.NEVER;
      }
    }),
  /** Logs and metrics of the worker and the API; each metrics address is off unless set. */
  observability: z.object({
    LOG_LEVEL: z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(
        z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR'], {
          errorMap: () => ({ message: 'must be one of debug, info, warn, error' }),
        }),
      )
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
    /**
     * Workflows kept in memory between their tasks (about 1 MB each: a 2,000-department cycle took 2.2 GB,
     * README "Scale"); one not kept replays its history when it next wakes. Unset: the SDK's bound from the
     * heap limit, about 600 a GB of --max-old-space-size. 0 keeps none.
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce
      .number()
      .int()
      .refine((n) => n === 0 || n >= 2, 'must be 0 (keep none) or at least 2')
      .optional(),
  }),
  http: z
    .object({
      /** The address the API listens on: this machine only unless told otherwise (0.0.0.0 in a container). */
      HOST: z
        .string()
        .refine(
          (v) => isIP(v) !== 0 || v === 'localhost',
          'must be an IP address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every interface) or one interface’s address',
        )
        .default('127.0.0.1'),
      PORT: port.default(3000),
      /**
       * The proxies in front of the API, whose X-Forwarded-For then names the client (sign-in is
       * throttled per client address; the audit keeps it): comma-separated addresses, subnets, or
       * loopback / linklocal / uniquelocal. Unset: the client is whoever connects. Never "every hop":
       * a client could then name any address it likes.
       */
      TRUST_PROXY: z
        .string()
        .transform((v) => v.split(',').map((p) => p.trim()))
        .refine(
          (parts) => parts.every(isProxyAddress),
          'must be proxy addresses or subnets, comma-separated (e.g. 10.0.0.5 or 172.16.0.0/12), or loopback, linklocal, uniquelocal',
        )
        .optional(),
      PUBLIC_URL: url(['http', 'https']).default('http://localhost:3000'),
      NODE_ENV: nodeEnv,
    })
    // Every link in every notice is made from PUBLIC_URL: in production a localhost one sends recipients
    // to their own machines.
    .refine((h) => !isProduction(h) || !isLocalHost(new URL(h.PUBLIC_URL).hostname), {
      path: ['PUBLIC_URL'],
      message:
        'must be set in production to the address people open the portal at (e.g. https://pg.heyuan.example), not localhost: every link in the notices is made from it',
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
  let object: z.ZodTypeAny = schema;
  while (object instanceof z.ZodEffects) object = object.innerType();
  const relevant = Object.fromEntries(
    Object.keys((object as z.AnyZodObject).shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(relevant);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => ({ variable: String(i.path[0]), problem: i.message })));
  }
  return result.data as Config<A>;
}
