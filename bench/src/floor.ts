import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ROOT, Stack } from './stack';

export interface Baseline {
  readonly bookingsPerSecond: number;
  readonly clients: number;
  readonly durationSeconds: number;
}

const FLOOR = join(ROOT, 'bench', 'floor');
const DATABASE = 'bench_floor';

/**
 * The same-machine ceiling: pgbench runs the floor (the rows a correct
 * booking writes, nothing else) on the stack's PostgreSQL server, in a
 * scratch database that is dropped afterwards.
 */
export async function measureFloor(
  stack: Stack,
  clients: number,
  durationSeconds: number,
): Promise<Baseline> {
  await stack.sql('postgres', `DROP DATABASE IF EXISTS ${DATABASE}`);
  await stack.sql('postgres', `CREATE DATABASE ${DATABASE}`);
  try {
    await stack.exec(
      ['psql', '-U', 'postgres', '-d', DATABASE, '-q', '-v', 'ON_ERROR_STOP=1'],
      [],
      readFileSync(join(FLOOR, 'schema.sql'), 'utf8'),
    );
    const { stdout } = await stack.exec(
      ['sh', '-c', pgbenchCommand(clients, durationSeconds)],
      [],
      readFileSync(join(FLOOR, 'booking.sql'), 'utf8'),
    );
    return {
      bookingsPerSecond: Math.round(parseTps(stdout) * 10) / 10,
      clients,
      durationSeconds,
    };
  } finally {
    await stack.sql('postgres', `DROP DATABASE IF EXISTS ${DATABASE}`);
  }
}

/** The script arrives on stdin, since pgbench reads it from a file. */
function pgbenchCommand(clients: number, seconds: number): string {
  const script = '/tmp/bench-floor-booking.sql';
  return (
    `cat > ${script} && pgbench -U postgres -n -c ${clients} -j 2 ` +
    `-T ${Math.round(seconds)} -f ${script} ${DATABASE}`
  );
}

/** pgbench's "tps = 612.3 (without initial connection time)". */
export function parseTps(output: string): number {
  const match = /^tps = ([\d.]+) \(without initial connection/m.exec(output);
  if (!match) {
    throw new Error(`pgbench printed no tps:\n${output}`);
  }
  return Number(match[1]);
}
