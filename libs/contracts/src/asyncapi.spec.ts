import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildAsyncApiDocument } from './asyncapi';

const committed = join(__dirname, '../../../docs/asyncapi.json');

describe('AsyncAPI catalogue', () => {
  it('matches the committed docs/asyncapi.json (run npm run catalogue:write)', () => {
    const generated = buildAsyncApiDocument();

    const onDisk = JSON.parse(readFileSync(committed, 'utf8'));

    expect(onDisk).toEqual(generated);
  });
});
