import { randomUUID } from 'node:crypto';

import { Outbox } from '@airline/messaging';
import {
  createLogger,
  inTransaction,
  NotFoundError,
  waitFor,
} from '@airline/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CANCELLATION_CONFIG } from '../config';
import type { CancellationConfig } from '../config';
import { Booking, isPassengerOf } from '../reservations/booking.entity';
import { Cancellation } from './cancellation.entity';
import { CreateCancellationDto } from './create-cancellation.dto';
import { decideRefund } from './refund-policy';
import { quoteRefund, RefundQuote } from './refund-quote';

@Injectable()
export class CancellationsService {
  private readonly log = createLogger(CancellationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(CANCELLATION_CONFIG) private readonly config: CancellationConfig,
  ) {}

  /**
   * Decides the refund policy now, as the contract fixes it at request
   * time, and asks the reservation service to cancel. A departed flight is
   * rejected here and then.
   */
  async request(request: CreateCancellationDto): Promise<Cancellation> {
    const booking = await this.bookingFor(request.locator, request.lastName);
    const requestedAt = new Date();
    const decision = decideRefund(booking.departureAt, requestedAt);

    const cancellation = Object.assign(new Cancellation(), {
      id: randomUUID(),
      reservationId: booking.reservationId,
      locator: booking.locator,
      status: decision.allowed ? 'REQUESTED' : 'REJECTED',
      refundPolicy: decision.allowed ? decision.policy : 'NONE',
      refundPercent: decision.allowed ? decision.percent : 0,
      refundAmountCents: 0,
      currency: booking.currency,
      rejectionReason: decision.allowed ? null : decision.reason,
      customerReason: request.reason ?? null,
      requestedAt,
      completedAt: decision.allowed ? null : requestedAt,
    });

    await inTransaction(this.dataSource, async (manager) => {
      await manager.insert(Cancellation, cancellation);
      if (decision.allowed) {
        await this.outbox.record(
          manager,
          'CancellationRequested',
          booking.reservationId,
          {
            cancellationId: cancellation.id,
            reservationId: booking.reservationId,
            locator: booking.locator,
            refundPolicy: decision.policy,
            refundPercent: decision.percent,
          },
        );
      }
    });
    this.log.info(
      {
        cancellationId: cancellation.id,
        reservationId: booking.reservationId,
        status: cancellation.status,
        refundPolicy: cancellation.refundPolicy,
      },
      'Recorded cancellation request',
    );
    return cancellation;
  }

  /** What cancelling now would refund; changes nothing. */
  async quote(
    locator: string,
    lastName: string,
  ): Promise<{ booking: Booking; quote: RefundQuote }> {
    const booking = await this.bookingFor(locator, lastName);
    return { booking, quote: quoteRefund(booking, new Date()) };
  }

  async findForPassenger(id: string, lastName: string): Promise<Cancellation> {
    const cancellation = await this.dataSource
      .getRepository(Cancellation)
      .findOneBy({ id });
    const booking = cancellation
      ? await this.dataSource
          .getRepository(Booking)
          .findOneBy({ reservationId: cancellation.reservationId })
      : null;
    if (!cancellation || !booking || !isPassengerOf(booking, lastName)) {
      throw new NotFoundError(
        'CANCELLATION_NOT_FOUND',
        'No cancellation matches this id and last name.',
      );
    }
    return cancellation;
  }

  /** Waits briefly: a reservation made a moment ago may still be in transit. */
  private async bookingFor(
    locator: string,
    lastName: string,
  ): Promise<Booking> {
    const repository = this.dataSource.getRepository(Booking);
    const booking = await waitFor(
      () => repository.findOneBy({ locator: locator.toUpperCase() }),
      this.config.RESERVATION_WAIT_MS,
    );
    if (!booking || !isPassengerOf(booking, lastName)) {
      throw new NotFoundError(
        'RESERVATION_NOT_FOUND',
        'No reservation matches this locator and last name.',
      );
    }
    return booking;
  }
}
