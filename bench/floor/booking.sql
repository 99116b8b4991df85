-- One booking as the three services commit it, each step in its own
-- transaction: hold seats (+ event), capture payment (+ inbox, + event),
-- confirm (+ inbox, + event). pgbench's transactions/s are bookings/s.
\set flight random(1, 1000)
\set amount random(5000, 90000)

BEGIN;
UPDATE floor_flights SET seats_available = seats_available - 1
  WHERE id = :flight AND seats_available >= 1;
INSERT INTO floor_reservations (flight_id, status)
  VALUES (:flight, 'AWAITING_PAYMENT') RETURNING id AS reservation \gset
INSERT INTO floor_outbox (event_type, payload)
  VALUES ('reservation.created', jsonb_build_object('reservationId',
    :reservation, 'flightId', :flight, 'amountCents', :amount));
COMMIT;

BEGIN;
INSERT INTO floor_inbox (message_id, consumer)
  VALUES ('reservation.created:' || :reservation, 'payment');
INSERT INTO floor_payments (reservation_id, amount_cents, status)
  VALUES (:reservation, :amount, 'CAPTURED') RETURNING id AS payment \gset
INSERT INTO floor_outbox (event_type, payload)
  VALUES ('payment.captured', jsonb_build_object('paymentId', :payment,
    'reservationId', :reservation, 'amountCents', :amount));
COMMIT;

BEGIN;
INSERT INTO floor_inbox (message_id, consumer)
  VALUES ('payment.captured:' || :payment, 'reservation');
UPDATE floor_reservations SET status = 'CONFIRMED', updated_at = now()
  WHERE id = :reservation;
INSERT INTO floor_outbox (event_type, payload)
  VALUES ('reservation.confirmed', jsonb_build_object('reservationId',
    :reservation, 'paymentId', :payment));
COMMIT;
