// Services and libraries against real PostgreSQL and RabbitMQ, started once
// by testcontainers; each test file gets its own databases and vhost.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'integration',
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/{libs,services}/*/test/**/*.integration.spec.ts',
    '<rootDir>/test/faults/**/*.integration.spec.ts',
  ],
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  testTimeout: 180_000,
  maxWorkers: 1,
  // Tests stop what they start; this only guards CI against a handle a
  // failing test leaked keeping Jest alive until the job's time runs out.
  forceExit: true,
};
