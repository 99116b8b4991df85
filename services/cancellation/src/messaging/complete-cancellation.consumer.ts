import type {
  PaymentRefunded,
  ReservationCancellationRejected,
  ReservationCancelled,
} from '@airline/contracts';
import { MessageContext, OnEvent } from '@airline/messaging';
import { createLogger } from '@airline/platform';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';

import { Cancellation } from '../cancellations/cancellation.entity';
import { setStatus } from './booking-tracker.consumer';

/**
 * Ends a cancellation: rejected when the reservation refused it; completed
 * once cancelled if nothing is owed, or once the refund is issued.
 */
@Controller()
export class CompleteCancellationConsumer {
  private readonly log = createLogger(CompleteCancellationConsumer.name);

  @OnEvent('ReservationCancelled')
  async completeWhenNothingOwed(
    @Payload() event: ReservationCancelled,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await setStatus(manager, event.reservationId, 'CANCELLED');
    if (event.wasPaid && event.refundPercent > 0) {
      return; // payment.refunded completes it.
    }
    await this.finish(manager, event.cancellationId, {
      status: 'COMPLETED',
      refundAmountCents: 0,
      ...(event.wasPaid ? {} : { refundPolicy: 'NONE' as const }),
    });
  }

  @OnEvent('PaymentRefunded')
  async completeWhenRefunded(
    @Payload() event: PaymentRefunded,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    if (!event.cancellationId) {
      return; // A refund of a refused capture, not of a cancellation.
    }
    await this.finish(manager, event.cancellationId, {
      status: 'COMPLETED',
      refundAmountCents: event.amountCents,
    });
  }

  @OnEvent('ReservationCancellationRejected')
  async rejectWhenRefused(
    @Payload() event: ReservationCancellationRejected,
    @Ctx() { manager }: MessageContext,
  ): Promise<void> {
    await this.finish(manager, event.cancellationId, {
      status: 'REJECTED',
      rejectionReason: event.reason,
    });
  }

  private async finish(
    manager: EntityManager,
    cancellationId: string,
    changes: Partial<Cancellation>,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Cancellation)
      .set({ ...changes, completedAt: () => 'now()' })
      .where('id = :id AND status = :requested', {
        id: cancellationId,
        requested: 'REQUESTED',
      })
      .execute();
    if (result.affected === 1) {
      this.log.info(
        { cancellationId, status: changes.status },
        'Finished cancellation',
      );
    }
  }
}
