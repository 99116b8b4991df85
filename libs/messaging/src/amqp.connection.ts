import { Inject, Injectable } from '@nestjs/common';
import { createLogger } from '@airline/platform';
import amqp, {
  AmqpConnectionManager,
  ChannelWrapper,
  CreateChannelOpts,
} from 'amqp-connection-manager';

import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

const FIRST_RETRY_SECONDS = 1;
const MAX_RETRY_SECONDS = 30;

/**
 * One broker connection per process, re-established after every loss: at
 * once-a-second first, then backing off (doubling to 30 s) while the broker
 * stays unreachable, so a fleet of replicas does not hammer it.
 */
@Injectable()
export class AmqpConnection {
  private readonly log = createLogger(AmqpConnection.name);
  private readonly manager: AmqpConnectionManager;

  constructor(@Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    const { host, port, user, password, vhost } = options.rabbitmq;
    this.manager = amqp.connect(
      [{ hostname: host, port, username: user, password, vhost }],
      {
        heartbeatIntervalInSeconds: 10,
        reconnectTimeInSeconds: FIRST_RETRY_SECONDS,
        connectionOptions: { clientProperties: { service: options.service } },
      },
    );
    this.manager.on('connect', () => {
      this.manager.reconnectTimeInSeconds = FIRST_RETRY_SECONDS;
      this.log.info('Connected to RabbitMQ');
    });
    this.manager.on('disconnect', ({ err }) =>
      this.log.warn(
        { reason: err?.message },
        'Lost the RabbitMQ connection; reconnecting',
      ),
    );
    // The manager reads the delay after emitting this, so it takes effect
    // for the very next attempt.
    this.manager.on('connectFailed', ({ err }) => {
      const next = Math.min(
        this.manager.reconnectTimeInSeconds * 2,
        MAX_RETRY_SECONDS,
      );
      this.manager.reconnectTimeInSeconds = next;
      this.log.warn(
        { reason: err?.message, retryInSeconds: next },
        'Could not connect to RabbitMQ; retrying',
      );
    });
  }

  /** How long the next reconnection attempt will wait. */
  retryDelaySeconds(): number {
    return this.manager.reconnectTimeInSeconds;
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  createChannel(options: CreateChannelOpts): ChannelWrapper {
    return this.manager.createChannel(options);
  }

  async close(): Promise<void> {
    await this.manager.close();
  }
}
