import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';

import { createLogger } from './logger';

const RETRY_MS = 2_000;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * LISTENs on one channel over a connection of its own, and reconnects when
 * that connection is lost. PostgreSQL delivers a NOTIFY only once the
 * transaction that sent it commits, so whatever a notification announces
 * can already be read. Notifications sent while it reconnects are lost:
 * whoever uses one still needs a slower way to find what it missed.
 */
export class PgListener {
  private readonly log = createLogger(PgListener.name);
  private client?: Client;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly onNotify: (payload: string) => void,
  ) {}

  /** Resolves once the first try to listen has succeeded or failed. */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private async connect(): Promise<void> {
    if (this.stopped) {
      return;
    }
    const options = this.dataSource.options as PostgresDataSourceOptions;
    const client = new Client({
      host: options.host,
      port: options.port,
      user: options.username,
      password: options.password as string,
      database: options.database,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    // Both the failed connect and the error event can report one loss.
    let retried = false;
    const retry = (error: Error, what: string) => {
      if (retried) {
        return;
      }
      retried = true;
      this.log.warn(
        { channel: this.channel, reason: error.message },
        `Listener ${what} its connection; retrying`,
      );
      if (this.client === client) {
        this.client = undefined;
      }
      void client.end().catch(() => undefined);
      if (!this.stopped) {
        setTimeout(() => void this.connect(), RETRY_MS);
      }
    };
    client.on('notification', ({ payload }) => this.onNotify(payload ?? ''));
    client.on('error', (error) => retry(error, 'lost'));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      this.client = client;
    } catch (error) {
      retry(error as Error, 'could not open');
    }
  }
}
