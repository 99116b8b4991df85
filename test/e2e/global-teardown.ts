import { sweepForCardData } from './card-sweep';
import { e2eStack } from './compose';

/**
 * Before the stack goes, checks that nothing the tests did left a card
 * number or CVC in a table or a log line; fails the run if it did.
 */
export default async function globalTeardown(): Promise<void> {
  const found = sweepForCardData(e2eStack);
  if (process.env.E2E_STACK !== 'running') {
    e2eStack.tearDown();
  }
  if (found.length > 0) {
    throw new Error(`card data left behind:\n${found.join('\n')}`);
  }
  console.log('card sweep: no card number or CVC in any table or log line');
}
