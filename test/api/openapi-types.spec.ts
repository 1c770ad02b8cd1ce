/**
 * The portal's API types (apps/web/src/api-types.ts) are generated from the
 * OpenAPI document and committed: this fails while they are stale, so a DTO
 * or an enumeration changed without regenerating them never reaches the
 * portal. The generator runs as its own process: openapi-typescript needs
 * Node's loading of ES modules, which jest's module system does not offer.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '../..');

describe('the portal’s API types', () => {
  it('are what the OpenAPI document gives today (else: node bin/ts-run.js scripts/openapi-types.ts)', async () => {
    const { stdout } = await run(process.execPath, ['bin/ts-run.js', 'scripts/openapi-types.ts', '--check'], {
      cwd: ROOT,
    });
    expect(stdout).toContain('apps/web/src/api-types.ts is up to date');
  });
});
