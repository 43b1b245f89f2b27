/** Unit specs sit beside the code; e2e specs in test/ run against the real Postgres and Redis. */
const base = {
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@app/domain$': '<rootDir>/libs/domain/src',
    '^@app/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
    '^@app/importer$': '<rootDir>/libs/importer/src',
    '^@app/importer/(.*)$': '<rootDir>/libs/importer/src/$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      roots: ['<rootDir>/src/', '<rootDir>/libs/', '<rootDir>/test/'],
      testRegex: '\\.spec\\.ts$',
    },
    {
      ...base,
      displayName: 'e2e',
      roots: ['<rootDir>/test/'],
      testRegex: '\\.e2e-spec\\.ts$',
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
    {
      ...base,
      displayName: 'faults',
      roots: ['<rootDir>/test/'],
      testRegex: '\\.faults-spec\\.ts$',
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
    },
  ],
};
