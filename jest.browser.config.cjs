// The UIs in a real browser (Debian's Chromium through playwright-core),
// against the Compose stack as project airline-browser on ports of its own.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'browser',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/browser/**/*.browser.spec.ts'],
  globalSetup: '<rootDir>/test/browser/global-setup.ts',
  globalTeardown: '<rootDir>/test/browser/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};
