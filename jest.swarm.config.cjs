// The stack on a one-node Docker Swarm, deployed by `npm run swarm:deploy`'s
// own code, behind the gateway published in host mode.
module.exports = {
  ...require('./jest.preset.cjs'),
  displayName: 'swarm',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/swarm/**/*.swarm.spec.ts'],
  globalSetup: '<rootDir>/test/swarm/global-setup.ts',
  globalTeardown: '<rootDir>/test/swarm/global-teardown.ts',
  testTimeout: 15 * 60_000,
  maxWorkers: 1,
};
