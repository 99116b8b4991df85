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
        amount_cents integer NOT NULL CHECK (amount_cents >= 0),
        currency char(3) NOT NULL,
        hold_expires_at timestamptz NOT NULL,
        status text NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY,
        reservation_id uuid NOT NULL REFERENCES bookings (reservation_id),
        locator char(6) NOT NULL,
        status text NOT NULL CHECK (status IN ('CAPTURED', 'DECLINED')),
        amount_cents integer NOT NULL CHECK (amount_cents >= 0),
        currency char(3) NOT NULL,
        card_brand text NOT NULL,
        card_last4 char(4) NOT NULL,
        card_expiry_month integer NOT NULL,
        card_expiry_year integer NOT NULL,
        decline_reason text,
        processor_reference text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX payments_reservation ON payments (reservation_id)`,
    );
    // However requests race, a reservation is captured at most once.
    await runner.query(`
      CREATE UNIQUE INDEX payments_one_capture ON payments (reservation_id)
      WHERE status = 'CAPTURED'`);
    await runner.query(`
      CREATE TABLE refunds (
        id uuid PRIMARY KEY,
        payment_id uuid NOT NULL UNIQUE REFERENCES payments (id),
        reservation_id uuid NOT NULL,
        cancellation_id uuid,
        amount_cents integer NOT NULL CHECK (amount_cents > 0),
        currency char(3) NOT NULL,
        reason text NOT NULL,
        processor_reference text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX refunds_reservation ON refunds (reservation_id)`,
    );
    await createMessagingTables(runner);
    await createIdempotencyTable(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE idempotency_keys`);
    await dropMessagingTables(runner);
    await runner.query(`DROP TABLE refunds`);
    await runner.query(`DROP TABLE payments`);
    await runner.query(`DROP TABLE bookings`);
  }
}
