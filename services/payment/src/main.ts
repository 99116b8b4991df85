import 'reflect-metadata';

import { RabbitMqTransport } from '@airline/messaging';
import { readConfig, runService } from '@airline/platform';

import { AppModule } from './app.module';
import { paymentConfig } from './config';

runService(() => {
  const config = readConfig(paymentConfig);
  return {
    name: 'payment',
    description: 'Card payments against a simulated processor, and refunds.',
    port: config.PORT,
    logLevel: config.LOG_LEVEL,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    module: AppModule.forRoot(config),
    transport: RabbitMqTransport,
  };
});
