module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'reservation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
