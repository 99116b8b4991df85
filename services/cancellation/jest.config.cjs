module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'cancellation',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
