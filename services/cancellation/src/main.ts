import 'reflect-metadata';

import { RabbitMqTransport } from '@airline/messaging';
import { readConfig, runService } from '@airline/platform';

import { AppModule } from './app.module';
import { cancellationConfig } from './config';

runService(() => {
  const config = readConfig(cancellationConfig);
  return {
    name: 'cancellation',
    description:
      'Cancellation requests, the refund policy, and the compensation that follows.',
    port: config.PORT,
    logLevel: config.LOG_LEVEL,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    module: AppModule.forRoot(config),
    transport: RabbitMqTransport,
  };
});
