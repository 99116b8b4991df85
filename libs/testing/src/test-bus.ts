import { randomUUID } from 'node:crypto';

import {
  Envelope,
  EventName,
  EventPayload,
  Events,
  EVENTS_EXCHANGE,
} from '@airline/contracts';
import { declareExchanges } from '@airline/messaging';
import amqp, {
  Channel,
  ChannelModel,
  ConsumeMessage,
  GetMessage,
} from 'amqplib';

import { rabbitmq } from './infrastructure';

export interface Observed {
  readonly routingKey: string;
  readonly envelope: Envelope<Record<string, unknown>>;
}

/**
 * The test's own view of the broker: publishes events as another service
 * would, and records every event published on the exchange.
 */
export class TestBus {
  readonly seen: Observed[] = [];
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async connect(vhost: string): Promise<TestBus> {
    const connection = await amqp.connect({
      hostname: rabbitmq.host(),
      port: rabbitmq.port(),
      username: rabbitmq.user,
      password: rabbitmq.password,
      vhost,
    });
    // A broker restart in a test closes it; the test reconnects if it must.
    connection.on('error', () => undefined);
    const channel = await connection.createChannel();
    channel.on('error', () => undefined);
    await declareExchanges(channel);
    const bus = new TestBus(connection, channel);
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, '#');
    await channel.consume(queue, (msg) => msg && bus.record(msg), {
      noAck: true,
    });
    return bus;
  }

  envelope<N extends EventName>(
    name: N,
    payload: EventPayload<N>,
    overrides: Partial<Envelope> = {},
  ): Envelope<EventPayload<N>> {
    return {
      id: randomUUID(),
      type: Events[name].type,
      version: Events[name].version,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      producer: 'test',
      payload,
      ...overrides,
    } as Envelope<EventPayload<N>>;
  }

  async publish<N extends EventName>(
    name: N,
    payload: EventPayload<N>,
    overrides: Partial<Envelope> = {},
  ): Promise<Envelope<EventPayload<N>>> {
    const envelope = this.envelope(name, payload, overrides);
    this.publishRaw(envelope.type, JSON.stringify(envelope), envelope.id);
    return envelope;
  }

  publishRaw(
    routingKey: string,
    body: string,
    messageId: string = randomUUID(),
  ): void {
    this.channel.publish(EVENTS_EXCHANGE, routingKey, Buffer.from(body), {
      persistent: true,
      messageId,
    });
  }

  /** Waits for an event of the type that satisfies `match`. */
  async waitFor(
    name: EventName,
    match: (payload: Record<string, unknown>) => boolean = () => true,
    timeoutMs = 15_000,
  ): Promise<Envelope<Record<string, unknown>>> {
    const type = Events[name].type;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.seen.find(
        (o) => o.envelope.type === type && match(o.envelope.payload),
      );
      if (found) {
        return found.envelope;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no ${type} event within ${timeoutMs} ms`);
  }

  events(name: EventName): Envelope<Record<string, unknown>>[] {
    const type = Events[name].type;
    return this.seen
      .filter((o) => o.envelope.type === type)
      .map((o) => o.envelope);
  }

  /** Takes every message waiting in a queue, e.g. a dead-letter queue. */
  async drain(queue: string): Promise<GetMessage[]> {
    const messages: GetMessage[] = [];
    for (;;) {
      const message = await this.channel.get(queue, { noAck: true });
      if (!message) {
        return messages;
      }
      messages.push(message);
    }
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private record(msg: ConsumeMessage): void {
    try {
      this.seen.push({
        routingKey: msg.fields.routingKey,
        envelope: JSON.parse(msg.content.toString('utf8')),
      });
    } catch {
      // Raw test publishes need not be JSON.
    }
  }
}
