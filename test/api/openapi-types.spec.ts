/**
 * The portal's API types (apps/web/src/api-types.ts) are generated from the
 * OpenAPI document and committed: this fails while they are stale, so a DTO
 * or an enumeration changed without regenerating them never reaches the
 * portal. The generator runs as its own process: openapi-typescript needs
 * Node's loading of ES modules, which jest's module system does not offer.
 * And every answer the portal reads is in the document: a GET with no
 * response schema would leave the portal a hand-written copy to keep in step.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiModule } from '../../apps/api/src/api.module';
import { openApiDocument, prefixRoutes } from '../../apps/api/src/configure-api';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

/** `GET /api/…` of each GET under /api whose 200 answer names no schema. */
function undocumentedReads(doc: Pick<OpenAPIObject, 'paths'>): string[] {
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, item]) => {
      const get = (item as { get?: Operation }).get;
      if (!get) return [];
      const content = get.responses?.['200']?.content ?? {};
      const typed = Object.values(content).some((media) => media.schema !== undefined);
      return typed ? [] : [`GET ${path}`];
    });
}

describe('the portal’s API types', () => {
  it('are what the OpenAPI document gives today (else: node bin/ts-run.js scripts/openapi-types.ts)', async () => {
    const { stdout } = await run(process.execPath, ['bin/ts-run.js', 'scripts/openapi-types.ts', '--check'], {
      cwd: ROOT,
    });
    expect(stdout).toContain('apps/web/src/api-types.ts is up to date');
  });

  it('cover every GET under /api: each documents its 200 answer’s schema', async () => {
    // Preview mode, as the generator: the document from the decorators alone.
    const app = await NestFactory.create(ApiModule, { preview: true, logger: false });
    try {
      prefixRoutes(app);
      const doc = openApiDocument(app);
      expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/')).length).toBeGreaterThan(40);
      expect(undocumentedReads(doc)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['a schema documented', { content: { 'application/json': { schema: { type: 'object' } } } }, []],
    ['no content', { description: '' }, ['GET /api/x']],
    ['content without a schema', { content: { 'application/json': {} } }, ['GET /api/x']],
  ])('a GET with %s', (_, ok, expected) => {
    expect(undocumentedReads({ paths: { '/api/x': { get: { responses: { '200': ok } } } } } as never)).toEqual(
      expected,
    );
  });

  it('leaves writes and paths outside /api alone', () => {
    const bare = { responses: { '200': { description: '' } } };
    expect(undocumentedReads({ paths: { '/api/x': { post: bare }, '/l/{token}': { get: bare } } } as never)).toEqual(
      [],
    );
  });
});
