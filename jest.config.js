/** Jest runs TypeScript through ts-jest with the same path aliases as tsconfig.json. */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tools/', '/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.tools/', '<rootDir>/.data/'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: {
    '^@libs/(.*)$': '<rootDir>/libs/$1',
    '^@activities/(.*)$': '<rootDir>/activities/$1',
    '^@workflows/(.*)$': '<rootDir>/workflows/$1',
  },
  testTimeout: 120000,
};
