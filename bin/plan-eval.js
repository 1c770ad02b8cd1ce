#!/usr/bin/env node
// `npx plan-eval …`: the command line, run from its TypeScript sources.
require('./ts-run');
require('../apps/cli/src/main.ts');
