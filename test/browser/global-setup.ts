import { answersOk } from '../../deploy/swarm/src/http';

import { browserStack, GATEWAY_URL, SERVICE_URLS } from './stack';

/**
 * Builds the images and starts the stack (leaving nothing behind on
 * failure), then waits until the gateway reaches every service ready.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.BROWSER_STACK !== 'running') {
    browserStack.up();
  }
  for (const service of Object.keys(SERVICE_URLS)) {
    await untilReady(`${GATEWAY_URL}/${service}/health/ready`);
  }
}

async function untilReady(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await answersOk(url))) {
    if (Date.now() > deadline) {
      throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
