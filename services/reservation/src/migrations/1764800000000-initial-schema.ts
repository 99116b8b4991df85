import { createMessagingTables, dropMessagingTables } from '@airline/messaging';
import { createIdempotencyTable } from '@airline/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764800000000 implements MigrationInterface {
  name = 'InitialSchema1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE flights (
        id uuid PRIMARY KEY,
        flight_number text NOT NULL,
        origin char(3) NOT NULL,
        destination char(3) NOT NULL,
        departure_at timestamptz NOT NULL,
        arrival_at timestamptz NOT NULL,
        fare_cents integer NOT NULL CHECK (fare_cents >= 0),
        currency char(3) NOT NULL,
        seats_total integer NOT NULL CHECK (seats_total > 0),
        seats_available integer NOT NULL,
        CONSTRAINT seats_never_oversold
          CHECK (seats_available >= 0 AND seats_available <= seats_total),
        UNIQUE (flight_number, departure_at)
      )`);
    await runner.query(
      `CREATE INDEX flights_route ON flights (origin, destination, departure_at)`,
    );
    await runner.query(
      `CREATE INDEX flights_departure ON flights (departure_at)`,
    );
    await runner.query(`
      CREATE TABLE reservations (
        id uuid PRIMARY KEY,
        locator char(6) NOT NULL UNIQUE,
        flight_id uuid NOT NULL REFERENCES flights (id),
        status text NOT NULL CHECK (status IN ('AWAITING_PAYMENT',
          'CONFIRMED', 'PAYMENT_FAILED', 'EXPIRED', 'CANCELLED')),
        passenger_count integer NOT NULL CHECK (passenger_count BETWEEN 1 AND 9),
        amount_cents integer NOT NULL,
        currency char(3) NOT NULL,
        hold_expires_at timestamptz NOT NULL,
        payment_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE INDEX reservations_holds ON reservations (hold_expires_at)
      WHERE status = 'AWAITING_PAYMENT'`);
    await runner.query(
      `CREATE INDEX reservations_flight ON reservations (flight_id)`,
    );
    await runner.query(`
      CREATE TABLE passengers (
        id uuid PRIMARY KEY,
        reservation_id uuid NOT NULL REFERENCES reservations (id),
        position integer NOT NULL,
        first_name text NOT NULL,
        last_name text NOT NULL,
        email text NOT NULL,
        UNIQUE (reservation_id, position)
      )`);
    await runner.query(`
      CREATE TABLE reservation_history (
        id bigserial PRIMARY KEY,
        reservation_id uuid NOT NULL REFERENCES reservations (id),
        from_status text,
        to_status text NOT NULL,
        actor text NOT NULL,
        reason text NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX reservation_history_of ON reservation_history (reservation_id)`,
    );
    await createMessagingTables(runner);
    await createIdempotencyTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys`);
    await dropMessagingTables(runner);
    await runner.query(`DROP TABLE reservation_history`);
    await runner.query(`DROP TABLE passengers`);
    await runner.query(`DROP TABLE reservations`);
    await runner.query(`DROP TABLE flights`);
  }
}
