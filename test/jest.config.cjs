// Unit tests of the test tooling itself (e.g. the card-data sweep).
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'test-tools',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.unit.spec.ts'],
};
