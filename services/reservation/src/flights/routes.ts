/** The timetable the seeder repeats every day: 8 airports, 13 routes. */
export interface ScheduledRoute {
  readonly flightNumber: string;
  readonly origin: string;
  readonly destination: string;
  /** Departure time of day, UTC, as HH:MM. */
  readonly departs: string;
  readonly durationMinutes: number;
  readonly fareCents: number;
  readonly seats: number;
}

export const CURRENCY = 'EUR';

export const TIMETABLE: readonly ScheduledRoute[] = [
  route('AL100', 'LHR', 'JFK', '09:00', 480, 45_900, 280),
  route('AL101', 'JFK', 'LHR', '22:00', 420, 42_900, 280),
  route('AL200', 'CDG', 'FRA', '07:30', 75, 12_900, 150),
  route('AL201', 'FRA', 'CDG', '18:00', 75, 12_900, 150),
  route('AL300', 'AMS', 'MAD', '10:15', 160, 15_900, 180),
  route('AL301', 'MAD', 'AMS', '16:40', 160, 15_900, 180),
  route('AL400', 'FCO', 'DXB', '13:00', 330, 38_900, 300),
  route('AL401', 'DXB', 'FCO', '02:30', 360, 38_900, 300),
  route('AL500', 'LHR', 'CDG', '08:00', 80, 9_900, 120),
  route('AL501', 'CDG', 'LHR', '19:30', 80, 9_900, 120),
  route('AL600', 'FRA', 'JFK', '11:00', 540, 51_900, 250),
  route('AL601', 'JFK', 'FRA', '17:45', 480, 49_900, 250),
  route('AL700', 'AMS', 'FCO', '12:00', 145, 13_900, 100),
];

function route(
  flightNumber: string,
  origin: string,
  destination: string,
  departs: string,
  durationMinutes: number,
  fareCents: number,
  seats: number,
): ScheduledRoute {
  return {
    flightNumber,
    origin,
    destination,
    departs,
    durationMinutes,
    fareCents,
    seats,
  };
}

export interface ScheduledFlight {
  readonly route: ScheduledRoute;
  readonly departureAt: Date;
  readonly arrivalAt: Date;
}

/** Every flight of the timetable departing from `from` for `days` days. */
export function flightsFor(from: Date, days: number): ScheduledFlight[] {
  const flights: ScheduledFlight[] = [];
  const firstDay = Date.UTC(
    from.getUTCFullYear(),
    from.getUTCMonth(),
    from.getUTCDate(),
  );
  for (let day = 0; day <= days; day++) {
    for (const scheduled of TIMETABLE) {
      const [hours, minutes] = scheduled.departs.split(':').map(Number);
      const departure =
        firstDay + day * 86_400_000 + (hours * 60 + minutes) * 60_000;
      if (departure <= from.getTime()) {
        continue;
      }
      flights.push({
        route: scheduled,
        departureAt: new Date(departure),
        arrivalAt: new Date(departure + scheduled.durationMinutes * 60_000),
      });
    }
  }
  return flights;
}
