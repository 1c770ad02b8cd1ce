/**
 * `GET /api/metrics`: the API's metrics in Prometheus' text format (request
 * durations by route and status, Node.js process metrics), from the same
 * module as the worker's (libs/observability/metrics.ts). Open without
 * sign-in like a health check: keep it on the internal network.
 */
import {
  Controller,
  Get,
  Header,
  Inject,
  Injectable,
  Module,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { createAppMetrics, type AppMetrics } from '@libs/observability/metrics';
import { Public } from './auth/auth.decorators';

const APP_METRICS = Symbol('APP_METRICS');

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

/** Times every request by its route pattern (not its URL, so IDs do not multiply the series). */
@Injectable()
export class HttpMetricsInterceptor implements NestInterceptor {
  constructor(@Inject(APP_METRICS) private readonly metrics: AppMetrics) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const stop = this.metrics.httpSeconds.startTimer({ method: req.method });
    res.once('finish', () =>
      stop({
        route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
        status: String(res.statusCode),
      }),
    );
    return next.handle();
  }
}

@Module({
  controllers: [MetricsController],
  providers: [
    { provide: APP_METRICS, useFactory: () => createAppMetrics('api') },
    { provide: APP_INTERCEPTOR, useClass: HttpMetricsInterceptor },
  ],
})
export class MetricsModule {}
