import { createMessagingTables, dropMessagingTables } from '@airline/messaging';
import { createIdempotencyTable } from '@airline/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764800000000 implements MigrationInterface {
  name = 'InitialSchema1764800000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE bookings (
        reservation_id uuid PRIMARY KEY,
        locator char(6) NOT NULL UNIQUE,
        last_names text[] NOT NULL,
        departure_at timestamptz NOT NULL,
        amount_cents integer NOT NULL CHECK (amount_cents >= 0),
        currency char(3) NOT NULL,
        status text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE cancellations (
        id uuid PRIMARY KEY,
        reservation_id uuid NOT NULL REFERENCES bookings (reservation_id),
        locator char(6) NOT NULL,
        status text NOT NULL
          CHECK (status IN ('REQUESTED', 'COMPLETED', 'REJECTED')),
        refund_policy text NOT NULL CHECK (refund_policy IN ('FULL', 'PARTIAL', 'NONE')),
        refund_percent integer NOT NULL CHECK (refund_percent BETWEEN 0 AND 100),
        refund_amount_cents integer NOT NULL CHECK (refund_amount_cents >= 0),
        currency char(3) NOT NULL,
        rejection_reason text,
        customer_reason text,
        requested_at timestamptz NOT NULL,
        completed_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX cancellations_reservation ON cancellations (reservation_id)`,
    );
    await createMessagingTables(runner);
    await createIdempotencyTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys`);
    await dropMessagingTables(runner);
    await runner.query(`DROP TABLE cancellations`);
    await runner.query(`DROP TABLE bookings`);
  }
}
