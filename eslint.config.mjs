// Lint: type-aware rules everywhere, the determinism fence around workflows/, and the dependency rule between folders.
import eslint from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'dns',
  'child_process',
  'crypto',
  'worker_threads',
  'stream',
  'zlib',
  'cluster',
  'timers',
];
/** External packages pure code may use: they compute, never reach a database, a mailbox, a file or a server. */
const pureDomainPackages = ['zod', 'ms'];
const workflowPackages = ['@temporalio/workflow', '@temporalio/common'];
const ioModules = [
  'pg',
  'typeorm',
  'nodemailer',
  'exceljs',
  '@nestjs/*',
  '@temporalio/client',
  '@temporalio/worker',
  '@temporalio/activity',
  'smtp-server',
];

export default tseslint.config(
  {
    files: ['*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.tools/**',
      '.data/**',
      'bin/**',
      'coverage/**',
      'out/**',
      'libs/persistence/migrations/*-*.ts',
    ],
  },
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
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        history: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The dependency rule between folders (eslint-plugin-boundaries): the pure domain does no I/O,
    // workflows use only the pure domain and the workflow SDK, apps are entry points nothing else
    // imports (the tests and tools that start them excepted), and test and bench share code through tools/ only.
    files: ['**/*.ts'],
    // A pure lib's table tests may read a plan file from disk; they are tests, not the domain.
    ignores: ['libs/**/*.spec.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' } },
      'boundaries/elements': [
        { type: 'domain', pattern: 'libs/{rules,cycle,plan,common}' },
        { type: 'lib', pattern: 'libs/*' },
        { type: 'workflows', pattern: 'workflows' },
        { type: 'activities', pattern: 'activities' },
        { type: 'app', pattern: 'apps/*' },
        { type: 'test', pattern: 'test' },
        { type: 'bench', pattern: 'bench' },
        { type: 'tools', pattern: 'tools' },
        { type: 'scripts', pattern: 'scripts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          checkAllOrigins: true,
          policies: [
            {
              from: { element: { type: 'domain' } },
              disallow: {
                to: [
                  { element: { type: '!domain' } },
                  { module: { origin: 'core' } },
                  { module: { origin: 'external' } },
                ],
              },
              message:
                'The pure domain (libs/rules, cycle, plan, common) does no I/O: it imports only itself and pure packages; I/O belongs in activities or a lib that does I/O.',
            },
            {
              from: { element: { type: 'domain' } },
              allow: { to: { module: { origin: 'external', source: pureDomainPackages } } },
            },
            {
              from: { element: { type: 'workflows' } },
              disallow: {
                to: [
                  { element: { type: '!{domain,workflows}' } },
                  { module: { origin: 'core' } },
                  { module: { origin: 'external' } },
                ],
              },
              message:
                'Workflows import only the pure domain and the workflow SDK: anything else is I/O, reached through an activity.',
            },
            {
              from: { element: { type: 'workflows' } },
              allow: { to: { module: { origin: 'external', source: workflowPackages } } },
            },
            {
              from: { element: { type: '!{app,test,bench,scripts}' } },
              disallow: { to: { element: { type: 'app' } } },
              message: 'Apps are entry points: nothing imports them (move what is shared into libs/).',
            },
            {
              from: { element: { type: 'test' } },
              disallow: { to: { element: { type: 'bench' } } },
              message: 'Tests and the bench share code through tools/, not each other.',
            },
            {
              from: { element: { type: 'bench' } },
              disallow: { to: { element: { type: 'test' } } },
              message: 'Tests and the bench share code through tools/, not each other.',
            },
          ],
        },
      ],
    },
  },
  {
    // One data layer: SQL lives in the repositories (libs/persistence/repositories) and the migrations;
    // everything else asks a repository. Tests and tools set up and inspect databases directly.
    files: ['**/*.ts'],
    ignores: ['libs/persistence/**', 'test/**', 'tools/**', '**/*.spec.ts', 'workflows/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(createQueryBuilder|getRepository|transaction)$/]',
          message: 'Database access belongs in a repository (libs/persistence/repositories): call one of its methods.',
        },
        {
          selector: "CallExpression[callee.property.name='query'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
          message: 'SQL belongs in a repository (libs/persistence/repositories): call one of its methods.',
        },
        {
          selector: "MemberExpression[property.name='manager']",
          message: 'Database access belongs in a repository (libs/persistence/repositories): call one of its methods.',
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed:
    // no I/O, no Node built-ins, no wall clock or randomness of its own.
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins
            .flatMap((m) => [m, `node:${m}`])
            .map((name) => ({ name, message: 'Workflows must not do I/O: call an activity.' })),
          patterns: [
            { group: ['node:*'], message: 'Workflows must not use Node built-ins.' },
            { group: ioModules, message: 'Workflows must not do I/O: call an activity.' },
            {
              group: ['**/activities/**/*.activities', '**/persistence/**', '**/mail/**'],
              message: 'Workflows reach activities through proxyActivities only.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message:
            'Use workflow time (Date inside the sandbox is replay-safe only via workflow APIs); prefer sleep/condition.',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Use uuid4() from @temporalio/workflow.',
        },
        { selector: "CallExpression[callee.name='setTimeout']", message: 'Use sleep() from @temporalio/workflow.' },
        { selector: "CallExpression[callee.name='setInterval']", message: 'Use sleep() in a loop.' },
      ],
    },
  },
  {
    // Activities are plain async functions; importing workflow APIs there breaks outside the sandbox.
    files: ['activities/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@temporalio/workflow'], message: 'Activities must not import @temporalio/workflow.' }],
        },
      ],
    },
  },
);
