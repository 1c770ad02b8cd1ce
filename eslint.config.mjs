// Lint: type-aware rules everywhere, plus the determinism fence around workflows/.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'http', 'https', 'net', 'dns', 'child_process', 'crypto', 'worker_threads', 'stream', 'zlib', 'cluster', 'timers'];
const ioModules = ['pg', 'typeorm', 'nodemailer', 'exceljs', '@nestjs/*', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'smtp-server'];

export default tseslint.config(
  { files: ['*.js'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } } },
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', 'bin/**', 'coverage/**', 'out/**', 'libs/persistence/migrations/*-*.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // The web portal: TSX in the browser, type-checked by its own tsconfig (apps/web/tsconfig.json: DOM, JSX).
    files: ['apps/web/**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', localStorage: 'readonly', sessionStorage: 'readonly', fetch: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed:
    // no I/O, no Node built-ins, no wall clock or randomness of its own.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'Workflows must not do I/O: call an activity.' })),
        patterns: [
          { group: ['node:*'], message: 'Workflows must not use Node built-ins.' },
          { group: ioModules, message: 'Workflows must not do I/O: call an activity.' },
          { group: ['**/activities/**/*.activities', '**/persistence/**', '**/mail/**'], message: 'Workflows reach activities through proxyActivities only.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use workflow time (Date inside the sandbox is replay-safe only via workflow APIs); prefer sleep/condition.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use uuid4() from @temporalio/workflow.' },
        { selector: "CallExpression[callee.name='setTimeout']", message: 'Use sleep() from @temporalio/workflow.' },
        { selector: "CallExpression[callee.name='setInterval']", message: 'Use sleep() in a loop.' },
      ],
    },
  },
  {
    // Activities are plain async functions; importing workflow APIs there breaks outside the sandbox.
    files: ['activities/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@temporalio/workflow'], message: 'Activities must not import @temporalio/workflow.' }] }] },
  },
);
