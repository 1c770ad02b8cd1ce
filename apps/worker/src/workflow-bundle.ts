/**
 * How the workflow code is bundled for Temporal's sandbox, shared by the
 * worker and the replay tests: the tsconfig path aliases resolve here too.
 */
import { resolve } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';

const ROOT = resolve(__dirname, '../../..');

export const WORKFLOWS_PATH = require.resolve('../../../workflows');

export const workflowBundlerOptions: NonNullable<WorkerOptions['bundlerOptions']> = {
  webpackConfigHook: (config) => {
    config.resolve = {
      ...config.resolve,
      alias: {
        ...(config.resolve?.alias as Record<string, string> | undefined),
        '@libs': resolve(ROOT, 'libs'),
        '@workflows': resolve(ROOT, 'workflows'),
      },
    };
    return config;
  },
};
