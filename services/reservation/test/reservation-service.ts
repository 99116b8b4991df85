import {
  createDatabase,
  createVhost,
  startTestService,
  TestService,
  uniqueName,
} from '@airline/testing';

import { AppModule } from '../src/app.module';
import { reservationConfig } from '../src/config';

export interface Instances {
  readonly database: string;
  readonly vhost: string;
}

/** A fresh database and vhost for one test file. */
export async function freshInfrastructure(): Promise<Instances> {
  const database = uniqueName('reservation');
  const vhost = uniqueName('vh');
  await createDatabase(database);
  await createVhost(vhost);
  return { database, vhost };
}

export function startReservation(
  where: Instances,
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
