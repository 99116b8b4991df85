import type { PaymentCaptured, PaymentDeclined } from '@airline/contracts';
import { MessageContext, OnEvent, Outbox } from '@airline/messaging';
import { createLogger } from '@airline/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';

import { ReservationTransitions } from '../reservations/reservation-transitions';

/**
 * The payment side of the saga: a capture confirms a reservation still
 * awaiting payment, or is sent back for a refund; a decline releases the
 * seats.
 */
@Controller()
export class PaymentOutcomeConsumer {
  private readonly log = createLogger(PaymentOutcomeConsumer.name);

  constructor(
    private readonly transitions: ReservationTransitions,
    private readonly outbox: Outbox,
  ) {}

  @OnEvent('PaymentCaptured')
  async confirmWhenCaptured(
    @Payload() event: PaymentCaptured,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    const reservation = await this.transitions.lock(
      manager,
      event.reservationId,
    );
    if (!reservation) {
      throw new Error(`reservation ${event.reservationId} does not exist`);
    }

    const outcome = await this.transitions.apply(manager, reservation, {
      to: 'CONFIRMED',
      actor: `payment:${event.paymentId}`,
      reason: 'payment captured',
      paymentId: event.paymentId,
    });

    if (outcome.applied) {
      await this.outbox.record(
        manager,
        'ReservationConfirmed',
        reservation.id,
        {
          reservationId: reservation.id,
          locator: reservation.locator,
          paymentId: event.paymentId,
        },
      );
      return;
    }
    this.log.warn(
      {
        reservationId: reservation.id,
        paymentId: event.paymentId,
        status: reservation.status,
      },
      'Refused a capture for a reservation no longer awaiting payment; asking for a refund',
    );
    await this.outbox.record(
      manager,
      'ReservationPaymentRefused',
      reservation.id,
      {
        reservationId: reservation.id,
        locator: reservation.locator,
        paymentId: event.paymentId,
        reservationStatus: reservation.status,
      },
    );
  }

  @OnEvent('PaymentDeclined')
  async releaseSeatsWhenDeclined(
    @Payload() event: PaymentDeclined,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    const reservation = await this.transitions.lock(
      manager,
      event.reservationId,
    );
    if (!reservation) {
      throw new Error(`reservation ${event.reservationId} does not exist`);
    }

    const outcome = await this.transitions.apply(manager, reservation, {
      to: 'PAYMENT_FAILED',
      actor: `payment:${event.paymentId}`,
      reason: `payment declined: ${event.reason}`,
    });

    if (outcome.applied) {
      await this.outbox.record(
        manager,
        'ReservationPaymentFailed',
        reservation.id,
        {
          reservationId: reservation.id,
          locator: reservation.locator,
          paymentId: event.paymentId,
          reason: event.reason,
        },
      );
    }
  }
}
