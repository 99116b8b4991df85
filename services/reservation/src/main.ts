import 'reflect-metadata';

import { RabbitMqTransport } from '@airline/messaging';
import { readConfig, runService } from '@airline/platform';

import { AppModule } from './app.module';
import { reservationConfig } from './config';

runService(() => {
  const config = readConfig(reservationConfig);
  return {
    name: 'reservation',
    description: 'Flights, seat inventory, seat holds and the booking state.',
    port: config.PORT,
    logLevel: config.LOG_LEVEL,
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    module: AppModule.forRoot(config),
    transport: RabbitMqTransport,
  };
});
