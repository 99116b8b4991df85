-- The booking floor: the fewest rows a correct booking writes, in one
-- database, with nothing between the client and PostgreSQL. `npm run bench`
-- runs booking.sql against this schema with pgbench as its baseline.
DROP TABLE IF EXISTS floor_inbox, floor_outbox, floor_payments,
  floor_reservations, floor_flights;

CREATE TABLE floor_flights (
  id integer PRIMARY KEY,
  seats_total integer NOT NULL,
  seats_available integer NOT NULL CHECK (seats_available >= 0)
);
-- Room for any run's bookings: the floor measures writes, not sell-outs.
INSERT INTO floor_flights (id, seats_total, seats_available)
SELECT n, 100000000, 100000000 FROM generate_series(1, 1000) AS n;

CREATE TABLE floor_reservations (
  id bigserial PRIMARY KEY,
  flight_id integer NOT NULL REFERENCES floor_flights (id),
  status text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE floor_payments (
  id bigserial PRIMARY KEY,
  reservation_id bigint NOT NULL UNIQUE,
  amount_cents integer NOT NULL,
  status text NOT NULL
);

CREATE TABLE floor_outbox (
  id bigserial PRIMARY KEY,
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  published_at timestamptz
);

CREATE TABLE floor_inbox (
  message_id text NOT NULL,
  consumer text NOT NULL,
  PRIMARY KEY (message_id, consumer)
);

VACUUM ANALYZE;
