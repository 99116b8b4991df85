import { randomUUID } from 'node:crypto';

import { createLogger } from '@airline/platform';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { RESERVATION_CONFIG } from '../config';
import type { ReservationConfig } from '../config';
import { CURRENCY, flightsFor } from './routes';

/**
 * Keeps the next days' flights in the timetable. Replicas may run it
 * together: a flight already there is left as it is.
 */
@Injectable()
export class FlightSeeder implements OnApplicationBootstrap {
  private readonly log = createLogger(FlightSeeder.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RESERVATION_CONFIG) private readonly config: ReservationConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const flights = flightsFor(new Date(), this.config.SEED_DAYS);
    const result: unknown[] = await this.dataSource.query(
      `INSERT INTO flights (id, flight_number, origin, destination,
         departure_at, arrival_at, fare_cents, currency, seats_total,
         seats_available)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[],
         $5::timestamptz[], $6::timestamptz[], $7::int[], $8::text[],
         $9::int[], $9::int[])
       ON CONFLICT (flight_number, departure_at) DO NOTHING
       RETURNING id`,
      [
        flights.map(() => randomUUID()),
        flights.map((f) => f.route.flightNumber),
        flights.map((f) => f.route.origin),
        flights.map((f) => f.route.destination),
        flights.map((f) => f.departureAt.toISOString()),
        flights.map((f) => f.arrivalAt.toISOString()),
        flights.map((f) => f.route.fareCents),
        flights.map(() => CURRENCY),
        flights.map((f) => f.route.seats),
      ],
    );
    this.log.info(
      { added: result.length, days: this.config.SEED_DAYS },
      'Seeded the flight timetable',
    );
  }
}
