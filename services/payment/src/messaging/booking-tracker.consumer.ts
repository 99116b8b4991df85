import type {
  ReservationConfirmed,
  ReservationCreated,
  ReservationExpired,
  ReservationPaymentFailed,
} from '@airline/contracts';
import { MessageContext, OnEvent } from '@airline/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

import { BOOKING_RECORDED } from '../reservations/booking-arrivals';
import { Booking } from '../reservations/booking.entity';

/** Keeps this service's copy of each reservation in step with the original. */
@Controller()
export class BookingTracker {
  @OnEvent('ReservationCreated')
  async recordWhenCreated(
    @Payload() event: ReservationCreated,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(Booking)
      .values({
        reservationId: event.reservationId,
        locator: event.locator,
        lastNames: event.passengerLastNames,
        amountCents: event.amountCents,
        currency: event.currency,
        holdExpiresAt: new Date(event.holdExpiresAt),
        status: 'AWAITING_PAYMENT',
      })
      .orIgnore()
      .execute();
    // Delivered once this transaction commits, to a payment waiting for it.
    await manager.query('SELECT pg_notify($1, $2)', [
      BOOKING_RECORDED,
      event.locator,
    ]);
  }

  @OnEvent('ReservationConfirmed')
  async markConfirmed(
    @Payload() event: ReservationConfirmed,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await setStatus(manager, event.reservationId, 'CONFIRMED');
  }

  @OnEvent('ReservationPaymentFailed')
  async markPaymentFailed(
    @Payload() event: ReservationPaymentFailed,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await setStatus(manager, event.reservationId, 'PAYMENT_FAILED');
  }

  @OnEvent('ReservationExpired')
  async markExpired(
    @Payload() event: ReservationExpired,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await setStatus(manager, event.reservationId, 'EXPIRED');
  }
}

/**
 * Fails while the reservation is unknown here, so the message is retried:
 * it may have overtaken the reservation's `created` event.
 */
export async function setStatus(
  manager: EntityManager,
  reservationId: string,
  status: string,
): Promise<void> {
  const result = await manager.update(Booking, { reservationId }, { status });
  if (result.affected !== 1) {
    throw new Error(`reservation ${reservationId} is not known here yet`);
  }
}
