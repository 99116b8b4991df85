import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { ServiceName } from '@airline/contracts';
import { CommonConfig, ReadinessCheck } from '@airline/platform';

import { AmqpConnection } from './amqp.connection';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox.relay';
import { RabbitMqTransport } from './rabbitmq.transport';

/** Starts the relay with the app and stops it, then the broker, after HTTP. */
@Injectable()
class MessagingLifecycle
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  constructor(
    private readonly relay: OutboxRelay,
    private readonly connection: AmqpConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.connection.close();
  }
}

/** Ready while connected to the broker with a consumer attached. */
@Injectable()
export class BrokerReadiness implements ReadinessCheck {
  readonly name = 'broker';

  constructor(
    private readonly connection: AmqpConnection,
    @Inject(RabbitMqTransport) private readonly transport: RabbitMqTransport,
  ) {}

  async check(): Promise<boolean> {
    return this.connection.isConnected() && this.transport.isConsuming();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(service: ServiceName, config: CommonConfig): DynamicModule {
    const options: MessagingOptions = {
      service,
      rabbitmq: {
        host: config.RABBITMQ_HOST,
        port: config.RABBITMQ_PORT,
        user: config.RABBITMQ_USER,
        password: config.RABBITMQ_PASSWORD,
        vhost: config.RABBITMQ_VHOST,
        prefetch: config.RABBITMQ_PREFETCH,
      },
      retryDelaysMs: config.MESSAGE_RETRY_DELAYS_MS,
    };
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        AmqpConnection,
        Outbox,
        OutboxRelay,
        RabbitMqTransport,
        MessagingLifecycle,
        BrokerReadiness,
      ],
      exports: [Outbox, RabbitMqTransport, OutboxRelay, BrokerReadiness],
    };
  }
}
