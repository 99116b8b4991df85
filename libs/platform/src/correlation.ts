import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_HEADER = 'x-correlation-id';

export interface CorrelationContext {
  readonly correlationId: string;
  /** The id of the message being handled, when a message caused the work. */
  readonly causationId: string | null;
}

const storage = new AsyncLocalStorage<CorrelationContext>();

export function runWithCorrelation<T>(
  context: CorrelationContext,
  work: () => T,
): T {
  return storage.run(context, work);
}

/** The correlation of the work in progress, if any. */
export function activeCorrelation(): CorrelationContext | undefined {
  return storage.getStore();
}

/** The correlation of the work in progress, or a fresh one outside any. */
export function currentCorrelation(): CorrelationContext {
  return (
    storage.getStore() ?? { correlationId: randomUUID(), causationId: null }
  );
}

/** Accepts a caller's id when it is sane, otherwise makes a new one. */
export function correlationIdFrom(header: unknown): string {
  if (typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header)) {
    return header;
  }
  return randomUUID();
}
