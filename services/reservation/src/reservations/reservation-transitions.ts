import { createLogger } from '@airline/platform';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Reservation } from './reservation.entity';
import {
  canTransition,
  holdsSeats,
  ReservationStatus,
} from './reservation-status';

export interface Transition {
  readonly to: ReservationStatus;
  /** Who or what moved it: `customer`, `payment:<id>`, `hold-expiry`… */
  readonly actor: string;
  readonly reason: string;
  readonly paymentId?: string;
}

export type TransitionOutcome =
  | { applied: true; reservation: Reservation; from: ReservationStatus }
  | { applied: false; reservation: Reservation };

/**
 * Moves a reservation under a row lock, so concurrent messages and workers
 * see each other's moves: a move the state machine refuses is reported, not
 * applied, and seats go back exactly once, on the move that stops holding
 * them.
 */
@Injectable()
export class ReservationTransitions {
  private readonly log = createLogger(ReservationTransitions.name);

  /** Locks the reservation; undefined when there is none with this id. */
  async lock(
    manager: EntityManager,
    reservationId: string,
  ): Promise<Reservation | undefined> {
    const reservation = await manager.findOne(Reservation, {
      where: { id: reservationId },
      lock: { mode: 'pessimistic_write' },
    });
    return reservation ?? undefined;
  }

  async apply(
    manager: EntityManager,
    reservation: Reservation,
    transition: Transition,
  ): Promise<TransitionOutcome> {
    const from = reservation.status;
    if (!canTransition(from, transition.to)) {
      return { applied: false, reservation };
    }

    await manager.query(
      `UPDATE reservations
       SET status = $2, payment_id = COALESCE($3, payment_id), updated_at = now()
       WHERE id = $1`,
      [reservation.id, transition.to, transition.paymentId ?? null],
    );
    await manager.query(
      `INSERT INTO reservation_history
         (reservation_id, from_status, to_status, actor, reason)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        reservation.id,
        from,
        transition.to,
        transition.actor,
        transition.reason,
      ],
    );
    if (holdsSeats(from) && !holdsSeats(transition.to)) {
      await manager.query(
        `UPDATE flights SET seats_available = seats_available + $2
         WHERE id = $1`,
        [reservation.flightId, reservation.passengerCount],
      );
    }

    this.log.info(
      {
        reservationId: reservation.id,
        locator: reservation.locator,
        from,
        to: transition.to,
        actor: transition.actor,
      },
      'Moved reservation',
    );
    reservation.status = transition.to;
    return { applied: true, reservation, from };
  }
}
