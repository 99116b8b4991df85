// `npm run swarm:remove -- [--stack airline] [--purge]`
import { parseArgs } from 'node:util';

import { remove } from './stack';

const { values } = parseArgs({
  options: {
    stack: { type: 'string', default: 'airline' },
    purge: { type: 'boolean', default: false },
  },
});

remove({ stack: values.stack, purge: values.purge }).catch((error: Error) => {
  console.error(`swarm:remove failed: ${error.message}`);
  process.exit(1);
});
