import type {
  CancellationRejectionReason,
  CancellationRequested,
} from '@airline/contracts';
import { MessageContext, OnEvent, Outbox } from '@airline/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

import { Flight } from '../flights/flight.entity';
import { Reservation } from '../reservations/reservation.entity';
import { ReservationTransitions } from '../reservations/reservation-transitions';

@Controller()
export class CancelReservationWhenRequested {
  constructor(
    private readonly transitions: ReservationTransitions,
    private readonly outbox: Outbox,
  ) {}

  @OnEvent('CancellationRequested')
  async cancel(
    @Payload() event: CancellationRequested,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    const reservation = await this.transitions.lock(
      manager,
      event.reservationId,
    );
    if (!reservation) {
      throw new Error(`reservation ${event.reservationId} does not exist`);
    }
    const flight = await manager.findOneByOrFail(Flight, {
      id: reservation.flightId,
    });
    if (flight.departureAt.getTime() <= Date.now()) {
      return this.reject(manager, reservation, event, 'FLIGHT_DEPARTED');
    }

    const wasPaid = reservation.status === 'CONFIRMED';
    const outcome = await this.transitions.apply(manager, reservation, {
      to: 'CANCELLED',
      actor: `cancellation:${event.cancellationId}`,
      reason: `cancelled by the customer (${event.refundPolicy} refund policy)`,
    });

    if (!outcome.applied) {
      const reason =
        reservation.status === 'CANCELLED'
          ? 'ALREADY_CANCELLED'
          : 'NOT_CANCELLABLE';
      return this.reject(manager, reservation, event, reason);
    }
    await this.outbox.record(manager, 'ReservationCancelled', reservation.id, {
      reservationId: reservation.id,
      locator: reservation.locator,
      cancellationId: event.cancellationId,
      wasPaid,
      refundPercent: event.refundPercent,
    });
  }

  private async reject(
    manager: EntityManager,
    reservation: Reservation,
    event: CancellationRequested,
    reason: CancellationRejectionReason,
  ): Promise<void> {
    await this.outbox.record(
      manager,
      'ReservationCancellationRejected',
      reservation.id,
      {
        reservationId: reservation.id,
        locator: reservation.locator,
        cancellationId: event.cancellationId,
        reason,
      },
    );
  }
}
