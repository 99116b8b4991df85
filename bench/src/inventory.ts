import { Stack } from './stack';

export interface FlightInventory {
  readonly seatsTotal: number;
  readonly seatsAvailable: number;
  /** Seats of the flight's reservations that hold or own them. */
  readonly seatsHeld: number;
}

export interface InventoryCheck {
  /** Seats sold or held beyond a flight's capacity, over all flights. */
  readonly oversold: number;
  /** Flights whose counter disagrees with their reservations. */
  readonly mismatchedFlights: number;
  readonly seatsHeld: number;
}

export function checkInventory(flights: FlightInventory[]): InventoryCheck {
  let oversold = 0;
  let mismatchedFlights = 0;
  let seatsHeld = 0;
  for (const flight of flights) {
    oversold += Math.max(flight.seatsHeld - flight.seatsTotal, 0);
    oversold += Math.max(-flight.seatsAvailable, 0);
    if (flight.seatsTotal - flight.seatsAvailable !== flight.seatsHeld) {
      mismatchedFlights++;
    }
    seatsHeld += flight.seatsHeld;
  }
  return { oversold, mismatchedFlights, seatsHeld };
}

/** Reads every flight's counter and its reservations from the database. */
export async function readInventory(stack: Stack): Promise<InventoryCheck> {
  const rows = await stack.sql(
    'reservation',
    `SELECT f.seats_total, f.seats_available,
            COALESCE(SUM(r.passenger_count) FILTER (
              WHERE r.status IN ('AWAITING_PAYMENT', 'CONFIRMED')), 0)
     FROM flights f LEFT JOIN reservations r ON r.flight_id = f.id
     GROUP BY f.id`,
  );
  return checkInventory(
    rows.map(([total, available, held]) => ({
      seatsTotal: Number(total),
      seatsAvailable: Number(available),
      seatsHeld: Number(held),
    })),
  );
}

/**
 * Writes `count` past (expired) bookings with a passenger and a history
 * row each, to see what a full database costs. They hold no seats.
 */
export async function seedReservations(
  stack: Stack,
  count: number,
): Promise<void> {
  await stack.sql(
    'reservation',
    `BEGIN;
     CREATE TEMP TABLE seeded ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, n,
              ${LOCATOR_OF_N} AS locator,
              ids[1 + n % array_length(ids, 1)] AS flight_id
       FROM generate_series(1, ${count}) AS n,
            (SELECT array_agg(id) AS ids FROM flights) AS f;
     INSERT INTO reservations (id, locator, flight_id, status,
       passenger_count, amount_cents, currency, hold_expires_at,
       created_at, updated_at)
     SELECT id, locator, flight_id, 'EXPIRED', 1, 10000, 'EUR',
            now() - interval '1 day', now() - interval '2 days', now()
     FROM seeded;
     INSERT INTO passengers (id, reservation_id, position, first_name,
       last_name, email)
     SELECT gen_random_uuid(), id, 0, 'Seeded', 'Passenger',
            'seeded@example.com'
     FROM seeded;
     INSERT INTO reservation_history (reservation_id, from_status,
       to_status, actor, reason)
     SELECT id, 'AWAITING_PAYMENT', 'EXPIRED', 'system', 'seeded'
     FROM seeded;
     COMMIT;`,
  );
  // A bulk load leaves every page for the first readers to stamp with hint
  // bits and for autovacuum to visit, work a database that has grown over
  // months has long done. Done now, it stays out of the measured run.
  await stack.sql('reservation', 'VACUUM (ANALYZE)');
  await stack.sql('reservation', 'CHECKPOINT');
}

/**
 * Six characters of the locator alphabet spelling n in base 32, so seeded
 * locators are unique; one that a customer's random locator happens to
 * take is retried by the service like any collision.
 */
const LOCATOR_OF_N = `(SELECT string_agg(substr(
    'ABCDEFGHJKLMNPQRSTUVWXYZ23456789', (n / (32 ^ d)::bigint % 32)::int + 1,
    1), '' ORDER BY d) FROM generate_series(0, 5) AS d)`;
