import { Stack } from './stack';

/**
 * Counts the statements each database runs, from pg_stat_statements (which
 * the Compose stack preloads): round trips are what a booking costs most
 * on a small machine, and unlike timings their count ignores other load.
 */
export class StatementCounter {
  constructor(private readonly stack: Stack) {}

  /** False when the server does not preload pg_stat_statements. */
  async reset(): Promise<boolean> {
    try {
      await this.stack.sql(
        'postgres',
        'CREATE EXTENSION IF NOT EXISTS pg_stat_statements',
      );
      await this.stack.sql('postgres', 'SELECT pg_stat_statements_reset()');
      return true;
    } catch {
      return false;
    }
  }

  /** Statements run since the reset, per database. */
  async count(): Promise<Record<string, number>> {
    const rows = await this.stack.sql(
      'postgres',
      `SELECT d.datname, sum(s.calls) FROM pg_stat_statements s
       JOIN pg_database d ON d.oid = s.dbid
       WHERE d.datname NOT IN ('postgres', 'template1')
       GROUP BY d.datname ORDER BY d.datname`,
    );
    return Object.fromEntries(rows.map(([name, n]) => [name, Number(n)]));
  }
}
