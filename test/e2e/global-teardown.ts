import { compose } from './compose';

export default async function globalTeardown(): Promise<void> {
  if (process.env.E2E_STACK === 'running') {
    return;
  }
  compose(
    'logs',
    '--no-color',
    '--tail',
    '30',
    'reservation',
    'payment',
    'cancellation',
  );
  compose('down', '-v', '--remove-orphans');
}
