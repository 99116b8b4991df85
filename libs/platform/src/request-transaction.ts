import { AsyncLocalStorage } from 'node:async_hooks';

import type { DataSource, EntityManager } from 'typeorm';

/** A transaction that belongs to the HTTP request being handled. */
export interface RequestTransaction {
  /** Begins it on first use; the request commits or rolls it back. */
  join(): Promise<EntityManager>;
}

const current = new AsyncLocalStorage<RequestTransaction>();

/** Runs `handle` with `transaction` as the one its writes join. */
export function withRequestTransaction<T>(
  transaction: RequestTransaction,
  handle: () => Promise<T>,
): Promise<T> {
  return current.run(transaction, handle);
}

/**
 * Runs `work` in a transaction. While an idempotent request is handled, the
 * work runs in that request's own transaction, so it commits together with
 * the answer a retry will be given, or not at all. No savepoint: when the
 * work fails the request fails, and its whole transaction is rolled back.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const request = current.getStore();
  if (!request) {
    return dataSource.transaction(work);
  }
  return work(await request.join());
}
