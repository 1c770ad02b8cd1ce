/** Jest runs TypeScript through ts-jest with the same path aliases as tsconfig.json. */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/libs', '<rootDir>/activities', '<rootDir>/workflows', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  moduleNameMapper: {
    '^@libs/(.*)$': '<rootDir>/libs/$1',
    '^@activities/(.*)$': '<rootDir>/activities/$1',
    '^@workflows/(.*)$': '<rootDir>/workflows/$1',
  },
  testTimeout: 120000,
};
