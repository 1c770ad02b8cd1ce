/**
 * Builds the web portal (apps/web → dist/web) with Vite, unless the build is
 * newer than everything it is made from: the portal's sources, the libs it
 * imports, the lock file. `--force` builds anyway. Each file is then
 * precompressed beside itself (brotli and gzip, scripts/precompress-web.ts).
 * Used by npm run build:web, scripts/test.sh, scripts/demo.sh and the bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { precompressDir } from './precompress-web';

const root = resolve(__dirname, '..');
const output = join(root, 'dist/web/index.html');
const inputs = [
  'apps/web',
  'libs/access',
  'libs/cycle',
  'libs/rules',
  'libs/plan',
  'package-lock.json',
  'scripts/build-web.ts',
  'scripts/precompress-web.ts',
].map((p) => join(root, p));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (m, name) => (name === 'node_modules' ? m : Math.max(m, newest(join(path, name)))),
    stat.mtimeMs,
  );
}

const force = process.argv.includes('--force');
if (!force && existsSync(output) && statSync(output).mtimeMs >= Math.max(...inputs.map(newest))) {
  console.log('web portal is up to date (dist/web)');
  process.exit(0);
}
const vite = join(root, 'node_modules/vite/bin/vite.js');
const built = spawnSync(
  process.execPath,
  [vite, 'build', '--config', join(root, 'apps/web/vite.config.mts'), '--logLevel', 'warn'],
  { cwd: root, stdio: 'inherit' },
);
if (built.status !== 0) process.exit(built.status ?? 1);
const packed = precompressDir(join(root, 'dist/web'));
const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
console.log(
  `web portal built into dist/web: ${packed.files} files, ${kib(packed.bytes)}, brotli ${kib(packed.brotliBytes)}, gzip ${kib(packed.gzipBytes)}`,
);
