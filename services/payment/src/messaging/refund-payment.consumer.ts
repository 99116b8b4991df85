import { randomUUID } from 'node:crypto';

import type {
  ReservationCancelled,
  ReservationPaymentRefused,
} from '@airline/contracts';
import { MessageContext, OnEvent, Outbox } from '@airline/messaging';
import { createLogger } from '@airline/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

import { CardProcessor } from '../cards/card-processor';
import { Payment } from '../payments/payment.entity';
import { Refund } from '../payments/refund.entity';
import { setStatus } from './booking-tracker.consumer';

/** Returns money: by the refund policy on cancellation, in full on refusal. */
@Controller()
export class RefundPaymentConsumer {
  private readonly log = createLogger(RefundPaymentConsumer.name);

  constructor(
    private readonly processor: CardProcessor,
    private readonly outbox: Outbox,
  ) {}

  @OnEvent('ReservationCancelled')
  async refundWhenCancelled(
    @Payload() event: ReservationCancelled,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await setStatus(manager, event.reservationId, 'CANCELLED');
    if (!event.wasPaid || event.refundPercent === 0) {
      return;
    }
    const payment = await this.capturedPayment(manager, event.reservationId);
    if (!payment) {
      throw new Error(`reservation ${event.reservationId} has no capture yet`);
    }
    const amount = Math.floor(
      (payment.amountCents * event.refundPercent) / 100,
    );
    await this.refund(
      manager,
      payment,
      amount,
      event.cancellationId,
      'cancellation',
    );
  }

  @OnEvent('ReservationPaymentRefused')
  async refundWhenRefused(
    @Payload() event: ReservationPaymentRefused,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    const payment = await manager.findOneByOrFail(Payment, {
      id: event.paymentId,
    });
    await this.refund(
      manager,
      payment,
      payment.amountCents,
      null,
      `capture arrived after the reservation was ${event.reservationStatus}`,
    );
  }

  private async capturedPayment(
    manager: EntityManager,
    reservationId: string,
  ): Promise<Payment | null> {
    return manager.findOneBy(Payment, { reservationId, status: 'CAPTURED' });
  }

  /** One refund per payment: the unique key refuses a second. */
  private async refund(
    manager: EntityManager,
    payment: Payment,
    amountCents: number,
    cancellationId: string | null,
    reason: string,
  ): Promise<void> {
    if (amountCents <= 0) {
      return;
    }
    const already = await manager.findOneBy(Refund, { paymentId: payment.id });
    if (already) {
      this.log.warn(
        { paymentId: payment.id, refundId: already.id },
        'Refused a second refund for the same payment',
      );
      return;
    }

    const id = randomUUID();
    const { reference } = await this.processor.refund({
      chargeReference: payment.processorReference ?? payment.id,
      amountCents,
      currency: payment.currency,
      idempotencyKey: id,
    });
    await manager.insert(Refund, {
      id,
      paymentId: payment.id,
      reservationId: payment.reservationId,
      cancellationId,
      amountCents,
      currency: payment.currency,
      reason,
      processorReference: reference,
    });
    await this.outbox.record(
      manager,
      'PaymentRefunded',
      payment.reservationId,
      {
        refundId: id,
        paymentId: payment.id,
        reservationId: payment.reservationId,
        locator: payment.locator,
        cancellationId,
        amountCents,
        currency: payment.currency,
      },
    );
    this.log.info(
      { refundId: id, paymentId: payment.id, amountCents, cancellationId },
      'Refunded payment',
    );
  }
}
