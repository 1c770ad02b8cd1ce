import { RequestMethod, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { Express } from 'express';
import { loadConfig } from '@libs/config/config';
import { ProblemFilter } from './common/problem.filter';
import { validationPipe } from './common/validation';
import { servePortal } from './portal-static';
import { securityHeaders } from './security-headers';

/**
 * What the running API and its tests share: the /api prefix (email links stay
 * short at /l/<token>), no X-Powered-By, the proxies trusted to name the
 * client (TRUST_PROXY), the security headers, the one error body, request
 * validation, and the OpenAPI description generated from the code (Swagger UI
 * at /api/docs, JSON at /api/docs-json), and the web portal at / when it is
 * built.
 */
export function configureApi<T extends INestApplication>(app: T): T {
  prefixRoutes(app);
  const express = app.getHttpAdapter().getInstance() as Express;
  // Express announces itself on every answer unless told not to: nothing tells a scanner what answers.
  express.disable('x-powered-by');
  // Behind a proxy, the client's address (what sign-in throttling counts) is the one the proxy names.
  const { TRUST_PROXY } = loadConfig('http');
  if (TRUST_PROXY) express.set('trust proxy', TRUST_PROXY);
  securityHeaders(app);
  servePortal(app);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(validationPipe());
  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

/** Routes under /api, but for the email links, kept short at /l/<token>. */
export function prefixRoutes(app: INestApplication): void {
  app.setGlobalPrefix('api', { exclude: [{ path: 'l/:token', method: RequestMethod.GET }] });
}

/**
 * The OpenAPI description, from the controllers' and DTOs' decorators alone:
 * an app created in preview mode (no database, no Temporal) gives the same
 * document, which is how scripts/openapi-types.ts types the portal from it.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('规划监测评估 API (plan evaluation)')
      .setDescription(
        '统计局、部门填报人和审核人的全部操作 (every action of the bureau, departments and supervisors). Errors: { code, message, messageEn, details }.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
