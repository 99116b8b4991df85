import { Inject, Injectable } from '@nestjs/common';
import { createLogger } from '@airline/platform';
import amqp, {
  AmqpConnectionManager,
  ChannelWrapper,
  CreateChannelOpts,
} from 'amqp-connection-manager';

import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

/** One broker connection per process, re-established after every loss. */
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
        reconnectTimeInSeconds: 2,
        connectionOptions: { clientProperties: { service: options.service } },
      },
    );
    this.manager.on('connect', () => this.log.info('Connected to RabbitMQ'));
    this.manager.on('disconnect', ({ err }) =>
      this.log.warn(
        { reason: err?.message },
        'Lost the RabbitMQ connection; reconnecting',
      ),
    );
    this.manager.on('connectFailed', ({ err }) =>
      this.log.warn(
        { reason: err?.message },
        'Could not connect to RabbitMQ; retrying',
      ),
    );
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
