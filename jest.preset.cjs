// Shared by every project's Jest config. NestJS 12 ships ES modules only and
// Jest cannot load them on Node 20, so swc transpiles those packages too.
const path = require('node:path');
const swcrc = JSON.parse(
  require('node:fs').readFileSync(path.join(__dirname, '.swcrc'), 'utf8'),
);
delete swcrc.$schema;

const esmOnly = [
  '@nestjs',
  'file-type',
  'load-esm',
  'uid',
  'strtok3',
  'token-types',
  'peek-readable',
  '@tokenizer',
  'uint8array-extras',
  'cookie',
  'content-disposition',
];

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  transformIgnorePatterns: [
    `/node_modules/(?!(?:${esmOnly.join('|')})/)(?!.*/node_modules/)`,
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: {
    '^@airline/(contracts|messaging|platform|testing)$': path.join(
      __dirname,
      'libs/$1/src/index.ts',
    ),
  },
};
