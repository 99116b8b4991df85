import type { QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables a service needs. Each service calls this from
 * its own first migration, so the tables live in its own database.
 */
export async function createMessagingTables(
  runner: QueryRunner,
): Promise<void> {
  await runner.query(`
    CREATE TABLE outbox (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      aggregate_id text NOT NULL,
      type text NOT NULL,
      envelope text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      sent_at timestamptz
    )`);
  await runner.query(
    `CREATE INDEX outbox_unsent ON outbox (seq) WHERE sent_at IS NULL`,
  );
  await runner.query(`
    CREATE INDEX outbox_unsent_by_aggregate ON outbox (aggregate_id, seq)
    WHERE sent_at IS NULL`);
  await runner.query(
    `CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL`,
  );
  await runner.query(`
    CREATE TABLE inbox (
      consumer text NOT NULL,
      message_id uuid NOT NULL,
      type text NOT NULL,
      handled_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, message_id)
    )`);
  await runner.query(`CREATE INDEX inbox_handled_at ON inbox (handled_at)`);
}

export async function dropMessagingTables(runner: QueryRunner): Promise<void> {
  await runner.query(`DROP TABLE inbox`);
  await runner.query(`DROP TABLE outbox`);
}
