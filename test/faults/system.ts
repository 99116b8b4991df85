import {
  createDatabase,
  createVhost,
  startTestService,
  TestService,
  uniqueName,
} from '@airline/testing';

import { AppModule as CancellationModule } from '../../services/cancellation/src/app.module';
import { cancellationConfig } from '../../services/cancellation/src/config';
import { AppModule as PaymentModule } from '../../services/payment/src/app.module';
import { paymentConfig } from '../../services/payment/src/config';
import { AppModule as ReservationModule } from '../../services/reservation/src/app.module';
import { reservationConfig } from '../../services/reservation/src/config';

export interface System {
  readonly vhost: string;
  readonly databases: {
    reservation: string;
    payment: string;
    cancellation: string;
  };
  readonly reservation: TestService;
  readonly payment: TestService;
  readonly cancellation: TestService;
  stop(): Promise<void>;
}

/** The three services in this process, each with its own fresh database. */
export async function startSystem(
  env: Record<string, string> = {},
): Promise<System> {
  const vhost = uniqueName('vh');
  const databases = {
    reservation: uniqueName('reservation'),
    payment: uniqueName('payment'),
    cancellation: uniqueName('cancellation'),
  };
  await createVhost(vhost);
  await Promise.all(Object.values(databases).map(createDatabase));

  const reservation = await startTestService({
    name: 'reservation',
    configShape: reservationConfig,
    module: (config) => ReservationModule.forRoot(config),
    database: databases.reservation,
    vhost,
    env: { SEED_DAYS: '10', ...env },
  });
  const payment = await startTestService({
    name: 'payment',
    configShape: paymentConfig,
    module: (config) => PaymentModule.forRoot(config),
    database: databases.payment,
    vhost,
    env,
  });
  const cancellation = await startTestService({
    name: 'cancellation',
    configShape: cancellationConfig,
    module: (config) => CancellationModule.forRoot(config),
    database: databases.cancellation,
    vhost,
    env,
  });

  return {
    vhost,
    databases,
    reservation,
    payment,
    cancellation,
    stop: async () => {
      await Promise.all([
        reservation.stop(),
        payment.stop(),
        cancellation.stop(),
      ]);
    },
  };
}

/** Rows of a single-number query, e.g. `SELECT count(*)::int AS n …`. */
export async function count(
  service: TestService,
  sql: string,
  parameters: unknown[] = [],
): Promise<number> {
  const [row] = await service.dataSource.query(sql, parameters);
  return Number(row.n);
}
