// The benchmark's pure parts: options, figures, charts' buckets, parsing.
module.exports = {
  ...require('../jest.preset.cjs'),
  displayName: 'bench',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.unit.spec.ts'],
};
