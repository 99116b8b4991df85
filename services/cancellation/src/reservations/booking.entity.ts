import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What the cancellation service knows of a reservation, learnt from the
 * reservation service's events: who may cancel it, when it departs, what
 * it cost.
 */
@Entity('bookings')
export class Booking {
  @PrimaryColumn({ name: 'reservation_id', type: 'uuid' })
  reservationId: string;

  @Column({ length: 6, unique: true })
  locator: string;

  @Column({ name: 'last_names', type: 'text', array: true })
  lastNames: string[];

  @Column({ name: 'departure_at', type: 'timestamptz' })
  departureAt: Date;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ length: 3 })
  currency: string;

  /** The reservation's status as last heard. */
  @Column({ type: 'text' })
  status: string;
}

export function isPassengerOf(booking: Booking, lastName: string): boolean {
  const name = lastName.trim().toLocaleLowerCase();
  return (
    name.length > 0 &&
    booking.lastNames.some((known) => known.toLocaleLowerCase() === name)
  );
}
