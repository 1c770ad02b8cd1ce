#!/usr/bin/env node
// `npx plan-eval …`: runs the command line from its TypeScript sources, compiled
// on the fly by SWC (no type check, no build step needed after `npm ci`).
const path = require('node:path');
const root = path.resolve(__dirname, '..');
require('ts-node').register({ project: path.join(root, 'tsconfig.json'), transpileOnly: true, swc: true });
require('tsconfig-paths').register({ baseUrl: root, paths: require(path.join(root, 'tsconfig.json')).compilerOptions.paths });
require(path.join(root, 'apps/cli/src/main.ts'));
