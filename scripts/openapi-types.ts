/**
 * Writes the portal's types of the API (apps/web/src/api-types.ts), generated
 * by openapi-typescript from the OpenAPI document the API serves at
 * /api/docs-json, so that the portal's requests and the answers the API
 * documents are typed from the DTOs and their enumerations, never copied.
 * `--check` only says whether the committed file is stale (exit 1);
 * test/api/openapi-types.spec.ts runs it so.
 *   node bin/ts-run.js scripts/openapi-types.ts [--check]
 */
import 'reflect-metadata';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { PROJECT_ROOT } from '@libs/config/project-root';
import { ApiModule } from '../apps/api/src/api.module';
import { openApiDocument, prefixRoutes } from '../apps/api/src/configure-api';

const FILE = 'apps/web/src/api-types.ts';
const BANNER = `/**
 * Generated from the API's OpenAPI document by openapi-typescript: do not edit.
 * Regenerate with \`node bin/ts-run.js scripts/openapi-types.ts\` after changing a DTO
 * (test/api/openapi-types.spec.ts fails while this file is stale).
 */
`;

/** The file's text as it should be now, formatted as the repository's Prettier formats it. */
async function apiTypesSource(path: string): Promise<string> {
  // Preview mode scans the modules without instantiating a provider: no database, no Temporal, no configuration.
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false });
  try {
    prefixRoutes(app);
    const ast = await openapiTS(openApiDocument(app) as OpenAPI3, {
      // A field with a default is still one a request may leave out.
      defaultNonNullable: false,
      // An object the document leaves open (a chasing policy's overrides) holds unknown values, not none.
      emptyObjectsUnknown: true,
    });
    return await format(BANNER + astToString(ast), { ...(await resolveConfig(path)), filepath: path });
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const path = join(PROJECT_ROOT, FILE);
  const wanted = await apiTypesSource(path);
  if ((await readFile(path, 'utf8').catch(() => null)) === wanted) return console.log(`${FILE} is up to date`);
  if (process.argv.includes('--check')) {
    console.error(`${FILE} is stale: run node bin/ts-run.js scripts/openapi-types.ts`);
    process.exit(1);
  }
  await writeFile(path, wanted);
  console.log(`${FILE} written`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
