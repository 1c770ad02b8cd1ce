/**
 * The repository's root: the folder holding package.json. Files that are not
 * compiled code (the built portal in dist/web, the plan files in data/plans)
 * are found from it, the same way whether a process runs from source
 * (bin/ts-run.js) or compiled (`npm run build`, one folder deeper in dist/).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
