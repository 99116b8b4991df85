import { Envelope, eventsConsumedBy, parseEnvelope } from '@airline/contracts';
import { createLogger, runWithCorrelation } from '@airline/platform';
import { Inject, Injectable } from '@nestjs/common';
import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import type { ChannelWrapper } from 'amqp-connection-manager';
import { Counter } from 'prom-client';
import { lastValueFrom } from 'rxjs';
import { DataSource } from 'typeorm';

import { AmqpConnection } from './amqp.connection';
import { MessageContext } from './message.context';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import {
  declareExchanges,
  declareServiceQueues,
  queuesOf,
  ServiceQueues,
} from './topology';

const ATTEMPT_HEADER = 'x-attempt';
const ORIGINAL_KEY_HEADER = 'x-original-routing-key';

const consumed = new Counter({
  name: 'messages_consumed_total',
  help: 'Messages taken off the queue, by type and outcome.',
  labelNames: ['type', 'outcome'],
});

/**
 * Delivers RabbitMQ messages to `@EventPattern` handlers with the guarantees
 * Nest's own RMQ transport lacks: a message is acked only after its
 * handler's transaction (with its inbox record) commits; a duplicate is
 * acked without effect; a failure is retried after growing delays, then
 * parked in the dead-letter queue with its reason; an invalid message is
 * parked at once. Consumers are re-attached after every reconnect.
 */
@Injectable()
export class RabbitMqTransport
  extends Server
  implements CustomTransportStrategy
{
  private readonly log = createLogger(RabbitMqTransport.name);
  private readonly queues: ServiceQueues;
  private channel?: ChannelWrapper;
  private activeChannel?: ConfirmChannel;
  private consumerTag?: string;
  private consuming = false;
  private closing = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly connection: AmqpConnection,
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    super();
    this.queues = queuesOf(options.service, options.retryDelaysMs);
  }

  /** True while a consumer is attached to the service's queue. */
  isConsuming(): boolean {
    return this.consuming && this.connection.isConnected();
  }

  listen(callback: () => void): void {
    this.checkHandlersMatchContracts();
    this.channel = this.connection.createChannel({
      name: `${this.options.service}-consumer`,
      confirm: true,
      setup: (channel: ConfirmChannel) => this.attach(channel),
    });
    this.channel.on('close', () => (this.consuming = false));
    this.channel.on('error', (error: Error) =>
      this.log.warn({ reason: error.message }, 'Consumer channel failed'),
    );
    callback();
  }

  /** Stops taking messages, lets those in hand finish, then closes. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.activeChannel && this.consumerTag) {
      await this.activeChannel.cancel(this.consumerTag).catch(() => undefined);
    }
    await Promise.allSettled([...this.inFlight]);
    await this.channel?.close();
    this.consuming = false;
  }

  on(): never {
    throw new Error('RabbitMqTransport emits no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.channel as T;
  }

  private async attach(channel: ConfirmChannel): Promise<void> {
    if (this.closing) {
      return;
    }
    this.consuming = false;
    await declareExchanges(channel);
    await declareServiceQueues(channel, this.queues, [
      ...this.messageHandlers.keys(),
    ]);
    await channel.prefetch(this.options.rabbitmq.prefetch);
    const { consumerTag } = await channel.consume(this.queues.events, (msg) => {
      if (msg) {
        this.track(this.onMessage(channel, msg));
      }
    });
    this.activeChannel = channel;
    this.consumerTag = consumerTag;
    this.consuming = true;

    const { consumerCount } = await channel.checkQueue(this.queues.events);
    this.log.info(
      { queue: this.queues.events, consumerCount },
      'Consumer attached',
    );
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async onMessage(
    channel: ConfirmChannel,
    msg: ConsumeMessage,
  ): Promise<void> {
    const attempt = Number(msg.properties.headers?.[ATTEMPT_HEADER] ?? 1);
    const check = parseEnvelope(msg.content.toString('utf8'));
    if (!check.ok) {
      consumed.inc({ type: 'invalid', outcome: 'dead-lettered' });
      return this.deadLetter(channel, msg, attempt, `invalid: ${check.reason}`);
    }

    const envelope = check.envelope;
    const handler = this.getHandlerByPattern(envelope.type);
    if (!handler) {
      consumed.inc({ type: envelope.type, outcome: 'dead-lettered' });
      return this.deadLetter(channel, msg, attempt, 'no handler for its type');
    }

    try {
      const duplicate = await runWithCorrelation(
        { correlationId: envelope.correlationId, causationId: envelope.id },
        () => this.handleOnce(envelope, attempt, handler),
      );
      consumed.inc({
        type: envelope.type,
        outcome: duplicate ? 'duplicate' : 'handled',
      });
      this.ack(channel, msg);
    } catch (error) {
      await this.retryOrDeadLetter(channel, msg, envelope, attempt, error);
    }
  }

  /** Returns true when the inbox shows the message was handled before. */
  private async handleOnce(
    envelope: Envelope,
    attempt: number,
    handler: NonNullable<ReturnType<Server['getHandlerByPattern']>>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const recorded: unknown[] = await manager.query(
        `INSERT INTO inbox (consumer, message_id, type) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [this.options.service, envelope.id, envelope.type],
      );
      if (recorded.length === 0) {
        this.log.info(
          { messageId: envelope.id, type: envelope.type },
          'Skipped a message already handled',
        );
        return true;
      }

      const context = new MessageContext([envelope, manager, attempt]);
      const result = await handler(envelope.payload, context);
      await lastValueFrom(this.transformToObservable(result), {
        defaultValue: undefined,
      });
      this.log.info(
        { messageId: envelope.id, type: envelope.type, attempt },
        'Handled message',
      );
      return false;
    });
  }

  private async retryOrDeadLetter(
    channel: ConfirmChannel,
    msg: ConsumeMessage,
    envelope: Envelope,
    attempt: number,
    error: unknown,
  ): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    const retry = this.queues.retries[attempt - 1];
    if (!retry) {
      consumed.inc({ type: envelope.type, outcome: 'dead-lettered' });
      return this.deadLetter(channel, msg, attempt, reason);
    }

    this.log.warn(
      {
        messageId: envelope.id,
        type: envelope.type,
        attempt,
        retryInMs: retry.delayMs,
        reason,
      },
      'Handler failed; the message will be retried',
    );
    consumed.inc({ type: envelope.type, outcome: 'retried' });
    await this.republish(channel, msg, retry.queue, {
      [ATTEMPT_HEADER]: attempt + 1,
      'x-last-error': reason.slice(0, 1000),
    });
  }

  private async deadLetter(
    channel: ConfirmChannel,
    msg: ConsumeMessage,
    attempts: number,
    reason: string,
  ): Promise<void> {
    this.log.warn(
      {
        messageId: msg.properties.messageId,
        routingKey: originalRoutingKey(msg),
        attempts,
        reason,
      },
      'Message rejected and parked in the dead-letter queue; it will not be redelivered',
    );
    await this.republish(channel, msg, this.queues.deadLetter, {
      'x-attempts': attempts,
      'x-last-error': reason.slice(0, 1000),
      'x-dead-lettered-at': new Date().toISOString(),
      'x-consumer': this.options.service,
    });
  }

  /** Copies the message to a queue, and acks the original once confirmed. */
  private async republish(
    channel: ConfirmChannel,
    msg: ConsumeMessage,
    queue: string,
    headers: Record<string, unknown>,
  ): Promise<void> {
    try {
      await new Promise<void>((resolve, reject) =>
        channel.publish(
          '',
          queue,
          msg.content,
          {
            ...msg.properties,
            persistent: true,
            mandatory: true,
            headers: {
              ...msg.properties.headers,
              [ORIGINAL_KEY_HEADER]: originalRoutingKey(msg),
              ...headers,
            },
          },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      this.ack(channel, msg);
    } catch (error) {
      // Left unacked: the broker redelivers it when this channel is gone.
      this.log.warn(
        { queue, reason: (error as Error).message },
        'Could not move a message; it stays on its queue',
      );
    }
  }

  private ack(channel: ConfirmChannel, msg: ConsumeMessage): void {
    try {
      channel.ack(msg);
    } catch {
      // The channel closed under us; the broker will redeliver, and the
      // inbox makes the second delivery a no-op.
    }
  }

  private checkHandlersMatchContracts(): void {
    const declared = new Set(
      eventsConsumedBy(this.options.service).map((event) => event.type),
    );
    for (const pattern of this.messageHandlers.keys()) {
      if (!declared.has(pattern)) {
        throw new Error(
          `${this.options.service} handles ${pattern}, which the catalogue ` +
            `does not list it as consuming`,
        );
      }
    }
  }
}

function originalRoutingKey(msg: ConsumeMessage): string {
  const header = msg.properties.headers?.[ORIGINAL_KEY_HEADER];
  return typeof header === 'string' ? header : msg.fields.routingKey;
}
