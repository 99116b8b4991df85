import { e2eStack } from './compose';

/** Builds the images and starts the stack; leaves nothing behind on failure. */
export default async function globalSetup(): Promise<void> {
  if (process.env.E2E_STACK === 'running') {
    return; // Testing a stack the developer already started.
  }
  e2eStack.up();
}
