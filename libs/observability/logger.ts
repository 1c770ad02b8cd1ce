/**
 * Structured logs: one JSON object a line on standard output, the same shape
 * from every source (the app's own lines, the Temporal SDK's logger with its
 * workflow and activity context, NestJS), so a log shipper needs no parsing rules.
 *   {"time":"2025-03-01T08:00:00.000Z","level":"info","msg":"worker started","taskQueue":"plan-eval"}
 */
import type { LoggerService } from '@nestjs/common';
import { DefaultLogger, type LogEntry, type LogLevel } from '@temporalio/worker';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const SEVERITY: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface JsonLogger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** One log line; errors keep their name, message and stack, bigints become strings. */
export function formatLogLine(
  level: Level,
  msg: string,
  fields: Record<string, unknown> = {},
  time = new Date(),
): string {
  return JSON.stringify({ time: time.toISOString(), level, msg, ...fields }, (_key, value: unknown) => {
    if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
    if (typeof value === 'bigint') return value.toString();
    return value;
  });
}

export function createJsonLogger(
  minimum: Level = 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  base: Record<string, unknown> = {},
): JsonLogger {
  const log = (level: Level, msg: string, fields: Record<string, unknown> = {}) => {
    if (SEVERITY[level] >= SEVERITY[minimum]) write(formatLogLine(level, msg, { ...base, ...fields }));
  };
  return {
    log,
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
  };
}

const fromTemporal = (level: LogLevel): Level =>
  level === 'TRACE' || level === 'DEBUG' ? 'debug' : (level.toLowerCase() as Level);

/**
 * The Temporal Runtime's logger: the SDK's own messages, forwarded Core logs and
 * `log` from workflows and activities (with workflowId, activityType…) as JSON lines.
 */
export function temporalJsonLogger(level: LogLevel, write?: (line: string) => void): DefaultLogger {
  const out = write ?? ((line: string) => process.stdout.write(line + '\n'));
  return new DefaultLogger(level, (entry: LogEntry) => {
    const { meta = {}, message } = entry;
    const fields = Object.fromEntries(Object.entries(meta).filter(([k]) => typeof k === 'string'));
    out(
      formatLogLine(
        fromTemporal(entry.level),
        message,
        { source: 'temporal', ...fields },
        new Date(Number(entry.timestampNanos / 1_000_000n)),
      ),
    );
  });
}

/**
 * A message handed to Nest's logger as an object with a `msg` (the API's
 * access log) keeps its fields; anything else is its text.
 */
function nestEntry(message: unknown): [string, Record<string, unknown>] {
  if (message === null || typeof message !== 'object' || !('msg' in message)) return [String(message), {}];
  const { msg, ...fields } = message as Record<string, unknown>;
  return [String(msg), fields];
}

/** NestJS's logger interface over the same JSON lines (`context` is the Nest class that logged). */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: JsonLogger) {}
  private write(level: Level, message: unknown, context: string | undefined, extra: Record<string, unknown> = {}) {
    const [msg, fields] = nestEntry(message);
    this.logger.log(level, msg, { source: 'nest', context, ...extra, ...fields });
  }
  log(message: unknown, context?: string) {
    this.write('info', message, context);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  error(message: unknown, stack?: string, context?: string) {
    this.write('error', message, context, { stack });
  }
  debug(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string) {
    this.write('debug', message, context);
  }
}
