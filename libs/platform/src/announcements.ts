import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PgListener } from './pg-listener';

/**
 * Lets a request wait for a row another transaction, in any replica, is
 * about to commit: the writer NOTIFYs `channel` with the row's key, and
 * `next(key, ms)` ends when that key is announced or after `ms`. Used as
 * `waitFor`'s pause, so a missed notification costs one poll interval.
 */
export class Announcements
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly waiting = new Map<string, Set<() => void>>();
  private readonly listener: PgListener;

  constructor(
    dataSource: DataSource,
    readonly channel: string,
  ) {
    this.listener = new PgListener(dataSource, channel, (key) =>
      this.announced(key),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  /** Ends when `key` is announced or after `ms`, whichever comes first. */
  next(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const waiters = this.waiting.get(key) ?? new Set<() => void>();
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0) {
          this.waiting.delete(key);
        }
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
      this.waiting.set(key, waiters);
    });
  }

  private announced(key: string): void {
    for (const wake of [...(this.waiting.get(key) ?? [])]) {
      wake();
    }
  }
}
