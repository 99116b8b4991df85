// Every project's unit tests: plain functions and classes, no containers.
module.exports = {
  projects: [
    '<rootDir>/libs/contracts/jest.config.cjs',
    '<rootDir>/libs/messaging/jest.config.cjs',
    '<rootDir>/libs/platform/jest.config.cjs',
    '<rootDir>/services/reservation/jest.config.cjs',
    '<rootDir>/services/payment/jest.config.cjs',
    '<rootDir>/services/cancellation/jest.config.cjs',
    '<rootDir>/deploy/swarm/jest.config.cjs',
    '<rootDir>/test/jest.config.cjs',
    '<rootDir>/bench/jest.config.cjs',
  ],
};
