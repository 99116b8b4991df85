import { e2eStack } from './compose';

export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_STACK === 'running') {
    return;
  }
  e2eStack.tearDown();
}
