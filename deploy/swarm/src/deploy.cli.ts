// `npm run swarm:deploy -- [--registry host:port] [--stack airline]
//   [--tag t] [--gateway-port 8080] [--no-build] [--timeout 600]`
import { parseArgs } from 'node:util';

import { deploy } from './stack';

const { values } = parseArgs({
  options: {
    registry: { type: 'string' },
    stack: { type: 'string', default: 'airline' },
    tag: { type: 'string' },
    'gateway-port': { type: 'string', default: '8080' },
    'no-build': { type: 'boolean', default: false },
    timeout: { type: 'string', default: '600' },
  },
});

deploy({
  stack: values.stack,
  registry: values.registry,
  tag: values.tag,
  gatewayPort: Number(values['gateway-port']),
  build: !values['no-build'],
  timeoutMs: Number(values.timeout) * 1000,
}).then(
  ({ stack, tag }) =>
    console.log(
      `Deployed ${stack} (${tag}): http://localhost:${values['gateway-port']}`,
    ),
  (error: Error) => {
    console.error(`swarm:deploy failed: ${error.message}`);
    process.exit(1);
  },
);
