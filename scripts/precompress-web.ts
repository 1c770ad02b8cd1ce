/**
 * The portal's files compressed once, at build, beside themselves: `x.js.br`
 * (brotli, quality 11) and `x.js.gz` (gzip, level 9), Node's own zlib. The
 * API serves whichever the browser accepts (apps/api/src/portal-static.ts),
 * so no request pays for compressing and the strongest settings cost nothing.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text that compresses; images and fonts already are. */
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);
/** Below this, the headers outweigh the saving. */
const MIN_BYTES = 1024;

export function precompressDir(dir: string): { files: number; bytes: number; brotliBytes: number; gzipBytes: number } {
  const totals = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const sub = precompressDir(path);
      for (const k of Object.keys(totals) as Array<keyof typeof totals>) totals[k] += sub[k];
      continue;
    }
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    });
    const gzip = gzipSync(content, { level: constants.Z_BEST_COMPRESSION });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzip);
    totals.files++;
    totals.bytes += content.length;
    totals.brotliBytes += brotli.length;
    totals.gzipBytes += gzip.length;
  }
  return totals;
}
