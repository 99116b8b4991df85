import { browserStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  if (process.env.BROWSER_STACK === 'running') {
    return;
  }
  browserStack.tearDown();
}
