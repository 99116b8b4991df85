import { EVENTS_EXCHANGE } from '@airline/contracts';
import { createLogger, PgListener } from '@airline/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { ChannelWrapper } from 'amqp-connection-manager';
import { Histogram } from 'prom-client';
import { DataSource } from 'typeorm';

import { AmqpConnection } from './amqp.connection';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OUTBOX_CHANNEL } from './outbox';
import { declareConsumersOf, declareExchanges } from './topology';

interface OutboxRow {
  id: string;
  type: string;
  envelope: string;
  created_at: Date;
}

const BATCH_SIZE = 500;
/** A safety net: notifications wake the relay, this catches what they miss. */
const POLL_INTERVAL_MS = 1_000;
const PRUNE_INTERVAL_MS = 60_000;

const commitToPublish = new Histogram({
  name: 'outbox_commit_to_publish_seconds',
  help: 'Time from recording an event to the broker confirming it.',
  buckets: [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
  ],
});

/**
 * Publishes recorded events with publisher confirms. Several replicas can
 * run it at once: each batch locks its rows and skips rows others hold, and
 * an event waits while an older one of its aggregate is unsent, which keeps
 * each aggregate's events in order.
 */
@Injectable()
export class OutboxRelay {
  private readonly log = createLogger(OutboxRelay.name);
  private readonly publisher: ChannelWrapper;
  private readonly listener: PgListener;
  private timers: NodeJS.Timeout[] = [];
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    connection: AmqpConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.listener = new PgListener(dataSource, OUTBOX_CHANNEL, () =>
      this.wake(),
    );
    this.publisher = connection.createChannel({
      name: 'outbox-relay',
      confirm: true,
      publishTimeout: options.publishTimeoutMs ?? 10_000,
      setup: async (channel: Parameters<typeof declareExchanges>[0]) => {
        await declareExchanges(channel);
        await declareConsumersOf(channel, options.service);
      },
    });
  }

  start(): void {
    this.stopped = false;
    void this.listener.start();
    this.timers = [
      setInterval(() => this.wake(), POLL_INTERVAL_MS),
      setInterval(() => void this.prune(), PRUNE_INTERVAL_MS),
    ];
    this.wake();
  }

  /** Stops waking, publishes what is left, and releases its connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await this.draining;
    await this.drain();
    await this.listener.stop();
    await this.publisher.close();
  }

  wake(): void {
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain && !this.stopped) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  /** Publishes batches until none is left; returns once the table is clear. */
  async drain(): Promise<void> {
    try {
      while ((await this.publishBatch()) > 0) {
        // Keep going: a full batch means more may be waiting.
      }
    } catch (error) {
      this.log.warn(
        { reason: (error as Error).message },
        'Outbox relay paused after a failure; will retry',
      );
    }
  }

  private async publishBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT o.id, o.type, o.envelope, o.created_at FROM outbox o
         WHERE o.sent_at IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM outbox older
             WHERE older.aggregate_id = o.aggregate_id
               AND older.sent_at IS NULL AND older.seq < o.seq)
         ORDER BY o.seq LIMIT $1
         FOR UPDATE OF o SKIP LOCKED`,
        [BATCH_SIZE],
      );
      if (rows.length === 0) {
        return 0;
      }

      // Pipelined: all of the batch is in flight before any confirm returns.
      await Promise.all(rows.map((row) => this.publish(row)));
      await manager.query(
        `UPDATE outbox SET sent_at = clock_timestamp() WHERE id = ANY($1)`,
        [rows.map((row) => row.id)],
      );
      this.observe(rows);
      return rows.length;
    });
  }

  private async publish(row: OutboxRow): Promise<void> {
    const envelope = JSON.parse(row.envelope) as {
      correlationId: string;
      occurredAt: string;
    };
    await this.publisher.publish(
      EVENTS_EXCHANGE,
      row.type,
      Buffer.from(row.envelope),
      {
        persistent: true,
        messageId: row.id,
        type: row.type,
        correlationId: envelope.correlationId,
        contentType: 'application/json',
        timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
        appId: this.options.service,
      },
    );
  }

  private observe(rows: OutboxRow[]): void {
    const now = Date.now();
    for (const row of rows) {
      commitToPublish.observe((now - row.created_at.getTime()) / 1000);
      this.log.debug({ messageId: row.id, type: row.type }, 'Published event');
    }
  }

  private async prune(): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM outbox WHERE sent_at < now() - interval '10 minutes'`,
      );
      await this.dataSource.query(
        `DELETE FROM inbox WHERE handled_at < now() - interval '7 days'`,
      );
    } catch (error) {
      this.log.warn({ reason: (error as Error).message }, 'Pruning failed');
    }
  }
}
