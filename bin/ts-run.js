#!/usr/bin/env node
// Runs a TypeScript entry point of this repository from source, compiled on the
// fly by SWC (no type check, no build step needed after `npm ci`):
//   node bin/ts-run.js apps/worker/src/main.ts
const path = require('node:path');
const root = path.resolve(__dirname, '..');
require('ts-node').register({ project: path.join(root, 'tsconfig.json'), transpileOnly: true, swc: true });
require('tsconfig-paths').register({
  baseUrl: root,
  paths: require(path.join(root, 'tsconfig.json')).compilerOptions.paths,
});

if (require.main === module) {
  const entry = process.argv[2];
  if (!entry) {
    console.error('usage: node bin/ts-run.js <file.ts> [args…]');
    process.exit(2);
  }
  process.argv.splice(1, 1); // the entry sees its own arguments from argv[2]
  require(path.resolve(root, entry));
}
