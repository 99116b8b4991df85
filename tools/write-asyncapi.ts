// Regenerates docs/asyncapi.json from the contracts library's catalogue.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { buildAsyncApiDocument } from '../libs/contracts/src/asyncapi';

const target = join(__dirname, '../docs/asyncapi.json');
writeFileSync(target, JSON.stringify(buildAsyncApiDocument(), null, 2) + '\n');
console.log(`wrote ${target}`);
