import { createDatabase, postgres, uniqueName } from '@airline/testing';
import { DataSource } from 'typeorm';

import {
  BOOKING_RECORDED,
  BookingArrivals,
} from '../src/reservations/booking-arrivals';

describe('BookingArrivals', () => {
  const channel = BOOKING_RECORDED;
  let dataSource: DataSource;
  let announcements: BookingArrivals;

  beforeAll(async () => {
    const database = uniqueName('arrivals');
    await createDatabase(database);
    dataSource = await new DataSource({
      type: 'postgres',
      host: postgres.host(),
      port: postgres.port(),
      username: postgres.user,
      password: postgres.password,
      database,
    }).initialize();
    announcements = new BookingArrivals(dataSource);
    await announcements.onApplicationBootstrap();
  });

  afterAll(async () => {
    await announcements.onApplicationShutdown();
    await dataSource.destroy();
  });

  /** Settles to 'woken' or 'timed out' however `next` ended. */
  function race(key: string, ms: number) {
    const started = Date.now();
    return announcements
      .next(key, ms)
      .then(() => (Date.now() - started < ms ? 'woken' : 'timed out'));
  }

  it('wakes a waiter on its key once the notifying transaction commits', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    const waited = race('K1', 30_000);
    let settled = false;
    void waited.then(() => (settled = true));

    await runner.query('SELECT pg_notify($1, $2)', [channel, 'K1']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const settledBeforeCommit = settled;
    await runner.commitTransaction();
    await runner.release();

    expect(settledBeforeCommit).toBe(false);
    await expect(waited).resolves.toBe('woken');
  });

  it('leaves a waiter on another key to its time limit', async () => {
    const waited = race('K2', 500);

    await dataSource.query('SELECT pg_notify($1, $2)', [channel, 'K3']);

    await expect(waited).resolves.toBe('timed out');
  });

  it('wakes every waiter on the same key', async () => {
    const waits = [race('K4', 30_000), race('K4', 30_000)];

    await dataSource.query('SELECT pg_notify($1, $2)', [channel, 'K4']);

    await expect(Promise.all(waits)).resolves.toEqual(['woken', 'woken']);
  });
});
