/**
 * The API's /api/metrics: Prometheus text with the process metrics and every
 * request timed by its route pattern; and the JSON log lines shared by the apps.
 */
import { Controller, Get, Param, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { MetricsModule } from '../../apps/api/src/metrics.controller';
import { createJsonLogger, formatLogLine, NestJsonLogger, temporalJsonLogger } from '@libs/observability/logger';
import { loadConfig, ConfigError } from '@libs/config/config';

@Controller()
class EchoController {
  @Get('echo/:id')
  echo(@Param('id') id: string) {
    return { id };
  }
}

describe('GET /api/metrics', () => {
  let app: INestApplication;
  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [MetricsModule],
      controllers: [EchoController],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api');
    await app.init();
  });
  afterAll(() => app?.close());

  it('serves Prometheus text: process metrics, and requests by route pattern and status', async () => {
    await request(app.getHttpServer()).get('/api/echo/1').expect(200);
    await request(app.getHttpServer()).get('/api/echo/2').expect(200);
    const res = await request(app.getHttpServer()).get('/api/metrics').expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('plan_eval_process_resident_memory_bytes{app="api"}');
    expect(res.text).toMatch(
      /plan_eval_http_request_duration_seconds_count\{app="api",method="GET",route="\/api\/echo\/:id",status="200"\} 2/,
    );
  });

  it('counts a request no route takes as unmatched, not by its URL', async () => {
    await request(app.getHttpServer()).get('/api/nowhere/42').expect(404);
    const res = await request(app.getHttpServer()).get('/api/metrics').expect(200);
    expect(res.text).toMatch(/plan_eval_http_request_duration_seconds_count\{[^}]*route="unmatched",status="404"\} 1/);
    expect(res.text).not.toContain('nowhere');
  });
});

describe('structured logs', () => {
  it('writes one JSON object a line, errors with their message and stack', () => {
    const line = JSON.parse(
      formatLogLine('error', 'send failed', { error: new Error('boom'), n: 10n }, new Date('2025-03-01T00:00:00Z')),
    );
    expect(line).toMatchObject({
      time: '2025-03-01T00:00:00.000Z',
      level: 'error',
      msg: 'send failed',
      n: '10',
      error: { name: 'Error', message: 'boom' },
    });
    expect(line.error.stack).toContain('boom');
  });

  it('drops lines below the configured level', () => {
    const lines: string[] = [];
    const log = createJsonLogger('warn', (l) => lines.push(l));
    log.info('quiet');
    log.warn('loud', { department: 'city-education' });
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'loud', department: 'city-education' }),
    ]);
  });

  it('keeps the fields of an object handed to Nest’s logger (the access log), and the text of anything else', () => {
    const lines: string[] = [];
    const nest = new NestJsonLogger(createJsonLogger('info', (l) => lines.push(l)));
    nest.log({ msg: 'request', method: 'GET', status: 200 }, 'AccessLog');
    nest.log('Nest application successfully started', 'NestApplication');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'request', method: 'GET', status: 200, source: 'nest', context: 'AccessLog' }),
      expect.objectContaining({ msg: 'Nest application successfully started', context: 'NestApplication' }),
    ]);
  });

  it('turns the Temporal SDK logger’s entries into the same lines', () => {
    const lines: string[] = [];
    temporalJsonLogger('INFO', (l) => lines.push(l)).info('Activity completed', {
      activityType: 'sendNotice',
      durationMs: 12,
    });
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      msg: 'Activity completed',
      source: 'temporal',
      activityType: 'sendNotice',
      durationMs: 12,
    });
  });
});

describe('observability and worker settings', () => {
  it('are off, INFO and 30s/50s unless set', () => {
    expect(loadConfig('observability', {})).toEqual({ LOG_LEVEL: 'INFO' });
    expect(loadConfig('worker', {})).toEqual({ WORKER_SHUTDOWN_GRACE_TIME: '30s', WORKER_SHUTDOWN_FORCE_TIME: '50s' });
    expect(loadConfig('observability', { LOG_LEVEL: 'debug', TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9465' })).toMatchObject(
      { LOG_LEVEL: 'DEBUG', TEMPORAL_METRICS_ADDRESS: '0.0.0.0:9465' },
    );
  });

  it.each([
    ['observability', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['observability', { WORKER_METRICS_ADDRESS: '9464' }, 'WORKER_METRICS_ADDRESS'],
    ['observability', { TEMPORAL_METRICS_ADDRESS: 'http://x:1' }, 'TEMPORAL_METRICS_ADDRESS'],
    ['worker', { WORKER_SHUTDOWN_GRACE_TIME: 'a while' }, 'WORKER_SHUTDOWN_GRACE_TIME'],
  ] as const)('refuses a malformed %s setting and names it', (area, env, variable) => {
    expect(() => loadConfig(area, env)).toThrow(ConfigError);
    expect(() => loadConfig(area, env)).toThrow(variable);
  });
});
