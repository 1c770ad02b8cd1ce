/**
 * `GET /api/metrics`: the API's metrics in Prometheus' text format (request
 * durations by route and status, the evaluation's business gauges, readiness,
 * Node.js process metrics), from the same module as the worker's
 * (libs/observability/metrics.ts), and the access log: one JSON line a
 * request. Open without sign-in like a health check: keep it on the internal network.
 */
import { randomUUID } from 'node:crypto';
import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  Logger,
  Module,
  RequestMethod,
  type MiddlewareConsumer,
  type NestMiddleware,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { NextFunction, Request, Response } from 'express';
import { businessFigures, registerBusinessMetrics } from '@libs/observability/business-metrics';
import { createAppMetrics, registerReadiness, type AppMetrics } from '@libs/observability/metrics';
import { DatabaseProbe } from '@libs/persistence/repositories/database-probe';
import { OperationsRepository } from '@libs/persistence/repositories/operations.repository';
import { Public, type AuthenticatedRequest } from './auth/auth.decorators';
import { CLOCK, TEMPORAL_CLIENT, type Clock } from './tokens';

export const APP_METRICS = Symbol('APP_METRICS');

@ApiExcludeController()
@Controller()
export class MetricsController {
  constructor(@Inject(APP_METRICS) private readonly metrics: AppMetrics) {}

  @Get('metrics')
  @Public()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  render(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}

/**
 * Times every request and writes its access log line once the answer has
 * gone: those the guard refused and those no route matched included, which an
 * interceptor (run after the guards, for matched routes only) would miss. The
 * route is the pattern (`/api/cycles/:id`), so IDs do not multiply the series
 * nor put links' tokens in the log; the caller is the principal's ID, never
 * its token; the request ID is the one the audit trail keeps (see AuthGuard).
 * Lines go through Nest's logger: JSON in the deployed API (main.ts), none where an app is made without a logger.
 */
@Injectable()
export class RequestObserver implements NestMiddleware {
  private readonly log = new Logger('AccessLog');

  constructor(@Inject(APP_METRICS) private readonly metrics: AppMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routePattern(req);
      const status = res.statusCode;
      this.metrics.httpSeconds.observe({ method: req.method, route, status: String(status) }, seconds);
      const { principal, requestId } = req as Partial<AuthenticatedRequest>;
      this.log.log({
        msg: 'request',
        method: req.method,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        caller: principal?.id ?? null,
        requestId: requestId ?? randomUUID(),
      });
    });
    next();
  }
}

/** Where the observer is mounted: every path. */
const EVERY_PATH = '{*path}';

/**
 * The matched route's pattern (Nest registers it with the /api prefix), or
 * `unmatched`: Express leaves a request no route took with the observer's own
 * mount as its route.
 */
function routePattern(req: Request): string {
  const path = (req.route as { path?: string } | undefined)?.path;
  return path === undefined || path.endsWith(EVERY_PATH) ? 'unmatched' : path;
}

@Module({
  controllers: [MetricsController],
  providers: [{ provide: APP_METRICS, useFactory: () => createAppMetrics('api') }],
  exports: [APP_METRICS],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestObserver).forRoutes({ path: EVERY_PATH, method: RequestMethod.ALL });
  }
}

/**
 * The gauges read when scraped: the business figures from PostgreSQL, judged
 * by the API's clock, and the API's readiness (the checks of /api/ready).
 */
@Injectable()
export class ScrapedGauges implements OnModuleInit {
  constructor(
    @Inject(APP_METRICS) private readonly metrics: AppMetrics,
    @Inject(OperationsRepository) private readonly operations: OperationsRepository,
    @Inject(DatabaseProbe) private readonly database: DatabaseProbe,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    registerBusinessMetrics(this.metrics.registry, async () => {
      const [snapshot, now] = await Promise.all([this.operations.snapshot(), this.clock.now()]);
      return businessFigures(snapshot, now);
    });
    registerReadiness(this.metrics.registry, () => ({
      postgres: () => this.database.ping(),
      temporal: () => this.temporal.workflowService.getSystemInfo({}),
    }));
  }
}
