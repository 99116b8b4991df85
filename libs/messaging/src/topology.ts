import {
  EVENTS_EXCHANGE,
  eventsProducedBy,
  ServiceName,
} from '@airline/contracts';
import type { Channel } from 'amqplib';

/** Where events nobody is bound to end up, instead of vanishing. */
export const UNROUTABLE_EXCHANGE = 'airline.unroutable';
export const UNROUTABLE_QUEUE = 'airline.unroutable';

/** A quorum queue redelivers a message this often before dead-lettering it. */
const DELIVERY_LIMIT = 10;

export interface ServiceQueues {
  readonly events: string;
  readonly deadLetter: string;
  readonly retries: readonly { delayMs: number; queue: string }[];
}

export function queuesOf(
  service: string,
  retryDelaysMs: readonly number[],
): ServiceQueues {
  return {
    events: `${service}.events`,
    deadLetter: `${service}.dead-letter`,
    retries: retryDelaysMs.map((delayMs) => ({
      delayMs,
      queue: `${service}.retry.${delayMs}ms`,
    })),
  };
}

/** Declares the shared exchanges. Safe to repeat: every call is idempotent. */
export async function declareExchanges(channel: Channel): Promise<void> {
  await channel.assertExchange(UNROUTABLE_EXCHANGE, 'fanout', {
    durable: true,
  });
  await channel.assertQueue(UNROUTABLE_QUEUE, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum' },
  });
  await channel.bindQueue(UNROUTABLE_QUEUE, UNROUTABLE_EXCHANGE, '');
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', {
    durable: true,
    alternateExchange: UNROUTABLE_EXCHANGE,
  });
}

/**
 * Declares a consuming service's queues: its work queue bound to the events
 * it handles, one delay queue per retry (each returns expired messages to
 * the work queue) and its dead-letter queue.
 */
export async function declareServiceQueues(
  channel: Channel,
  queues: ServiceQueues,
  routingKeys: readonly string[],
): Promise<void> {
  await declareWorkQueue(channel, queues);
  for (const key of routingKeys) {
    await channel.bindQueue(queues.events, EVENTS_EXCHANGE, key);
  }
  for (const retry of queues.retries) {
    await channel.assertQueue(retry.queue, {
      durable: true,
      arguments: {
        'x-message-ttl': retry.delayMs,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': queues.events,
      },
    });
  }
}

/**
 * Declares, for each event a service produces, the work queue of every
 * consumer the contracts name, bound to it. An event published before a
 * consumer first started (a first deploy, a consumer scaled to zero) then
 * waits in that consumer's queue instead of reaching only the others.
 */
export async function declareConsumersOf(
  channel: Channel,
  producer: ServiceName,
): Promise<void> {
  for (const event of eventsProducedBy(producer)) {
    for (const consumer of event.consumers) {
      const queues = queuesOf(consumer, []);
      await declareWorkQueue(channel, queues);
      await channel.bindQueue(queues.events, EVENTS_EXCHANGE, event.type);
    }
  }
}

/** A service's work queue and its dead-letter queue, the same from anyone. */
async function declareWorkQueue(
  channel: Channel,
  queues: ServiceQueues,
): Promise<void> {
  await channel.assertQueue(queues.deadLetter, {
    durable: true,
    arguments: { 'x-queue-type': 'quorum' },
  });
  await channel.assertQueue(queues.events, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      // A message that keeps killing its consumer is parked, not looped.
      'x-delivery-limit': DELIVERY_LIMIT,
      'x-dead-letter-exchange': '',
      'x-dead-letter-routing-key': queues.deadLetter,
    },
  });
}
