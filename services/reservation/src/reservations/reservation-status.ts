/** Where a reservation is in its life; the contract's statuses. */
export type ReservationStatus =
  | 'AWAITING_PAYMENT'
  | 'CONFIRMED'
  | 'PAYMENT_FAILED'
  | 'EXPIRED'
  | 'CANCELLED';

const allowed: Record<ReservationStatus, readonly ReservationStatus[]> = {
  AWAITING_PAYMENT: ['CONFIRMED', 'PAYMENT_FAILED', 'EXPIRED', 'CANCELLED'],
  CONFIRMED: ['CANCELLED'],
  PAYMENT_FAILED: [],
  EXPIRED: [],
  CANCELLED: [],
};

/** Statuses in which the reservation's seats are held or sold. */
export function holdsSeats(status: ReservationStatus): boolean {
  return status === 'AWAITING_PAYMENT' || status === 'CONFIRMED';
}

export function canTransition(
  from: ReservationStatus,
  to: ReservationStatus,
): boolean {
  return allowed[from].includes(to);
}

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: ReservationStatus,
    readonly to: ReservationStatus,
  ) {
    super(`A reservation cannot go from ${from} to ${to}`);
  }
}

export function assertTransition(
  from: ReservationStatus,
  to: ReservationStatus,
): void {
  if (!canTransition(from, to)) {
    throw new IllegalTransitionError(from, to);
  }
}
