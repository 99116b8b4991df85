import { Isolation, startTestService, TestService } from '@airline/testing';

import { AppModule } from '../src/app.module';
import { reservationConfig } from '../src/config';

export function startReservation(
  where: Isolation,
  env: Record<string, string> = {},
): Promise<TestService> {
  return startTestService({
    name: 'reservation',
    configShape: reservationConfig,
    module: (config) => AppModule.forRoot(config),
    database: where.database,
    vhost: where.vhost,
    env: { SEED_DAYS: '10', ...env },
  });
}
