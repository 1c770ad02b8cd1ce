/**
 * Builds the workflow bundle ahead of time, so a production worker starts
 * without webpack (set WORKFLOW_BUNDLE_PATH to the file written here):
 *   node bin/ts-run.js scripts/build-workflow-bundle.ts [out-file] [workflows-entry]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOWS_PATH, workflowBundlerOptions } from '../apps/worker/src/workflow-bundle';

export async function buildWorkflowBundle(outFile: string, workflowsPath = WORKFLOWS_PATH): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    ...workflowBundlerOptions,
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, code);
  return outFile;
}

if (process.argv[1]?.endsWith('build-workflow-bundle.ts')) {
  const [out = 'dist/workflow-bundle.js', entry] = process.argv.slice(2);
  buildWorkflowBundle(resolve(out), entry ? resolve(entry) : undefined).then(
    (file) => console.log(JSON.stringify({ level: 'info', msg: 'workflow bundle written', file })),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
