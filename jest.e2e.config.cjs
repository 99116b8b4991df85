// The system as users run it: the Compose stack behind the gateway.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.spec.ts'],
  globalSetup: '<rootDir>/test/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};
