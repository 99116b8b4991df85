import { flightsFor, TIMETABLE } from './routes';

describe('flightsFor', () => {
  it('schedules every route each day, only in the future', () => {
    const now = new Date('2026-12-04T10:00:00Z');

    const flights = flightsFor(now, 30);

    expect(flights.every((f) => f.departureAt > now)).toBe(true);
    const lastDay = flights.filter((f) =>
      f.departureAt.toISOString().startsWith('2027-01-03'),
    );
    expect(lastDay).toHaveLength(TIMETABLE.length);
  });

  it('spans at least 8 airports with 100 to 300 seats a flight', () => {
    const airports = new Set(
      TIMETABLE.flatMap((r) => [r.origin, r.destination]),
    );

    expect(airports.size).toBeGreaterThanOrEqual(8);
    for (const route of TIMETABLE) {
      expect(route.seats).toBeGreaterThanOrEqual(100);
      expect(route.seats).toBeLessThanOrEqual(300);
    }
  });

  it('lands each flight its duration after departure', () => {
    const [first] = flightsFor(new Date('2026-12-04T00:00:00Z'), 0);

    const minutes =
      (first.arrivalAt.getTime() - first.departureAt.getTime()) / 60_000;

    expect(minutes).toBe(first.route.durationMinutes);
  });
});
