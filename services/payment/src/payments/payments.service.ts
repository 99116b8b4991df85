import { randomUUID } from 'node:crypto';

import { Outbox } from '@airline/messaging';
import {
  BadRequestError,
  ConflictError,
  createLogger,
  inTransaction,
  NotFoundError,
  waitFor,
} from '@airline/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

import { digitsOf, isExpired, passesLuhn, summarize } from '../cards/card';
import { CardProcessor } from '../cards/card-processor';
import { PAYMENT_CONFIG } from '../config';
import type { PaymentConfig } from '../config';
import { BookingArrivals } from '../reservations/booking-arrivals';
import { Booking, isPassengerOf } from '../reservations/booking.entity';
import { CreatePaymentDto } from './create-payment.dto';
import { Payment } from './payment.entity';
import { Refund } from './refund.entity';

@Injectable()
export class PaymentsService {
  private readonly log = createLogger(PaymentsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly processor: CardProcessor,
    private readonly arrivals: BookingArrivals,
    @Inject(PAYMENT_CONFIG) private readonly config: PaymentConfig,
  ) {}

  /** Charges the reservation's amount, as the reservation service set it. */
  async pay(request: CreatePaymentDto): Promise<Payment> {
    const digits = this.validCardNumber(request);
    const booking = await this.bookingFor(request.locator, request.lastName, {
      wait: true,
    });

    return inTransaction(this.dataSource, async (manager) => {
      const payable = await this.lockPayable(manager, booking.reservationId);
      const payment = await this.charge(manager, payable, request, digits);

      await this.announce(manager, payment);
      return payment;
    });
  }

  async findForPassenger(id: string, lastName: string): Promise<Payment> {
    const payment = await this.dataSource
      .getRepository(Payment)
      .findOneBy({ id });
    const booking = payment
      ? await this.dataSource
          .getRepository(Booking)
          .findOneBy({ reservationId: payment.reservationId })
      : null;
    if (!payment || !booking || !isPassengerOf(booking, lastName)) {
      throw new NotFoundError(
        'PAYMENT_NOT_FOUND',
        'No payment matches this id and last name.',
      );
    }
    return payment;
  }

  async listForBooking(
    locator: string,
    lastName: string,
  ): Promise<{ payments: Payment[]; refunds: Refund[] }> {
    const booking = await this.bookingFor(locator, lastName, { wait: false });
    const where = { reservationId: booking.reservationId };
    const [payments, refunds] = await Promise.all([
      this.dataSource
        .getRepository(Payment)
        .find({ where, order: { createdAt: 'ASC' } }),
      this.dataSource
        .getRepository(Refund)
        .find({ where, order: { createdAt: 'ASC' } }),
    ]);
    return { payments, refunds };
  }

  private validCardNumber(request: CreatePaymentDto): string {
    const digits = digitsOf(request.card.number);
    if (!passesLuhn(digits)) {
      throw new BadRequestError(
        'CARD_NUMBER_INVALID',
        'The card number is not valid.',
        ['card.number fails the Luhn check'],
      );
    }
    if (
      isExpired(request.card.expiryMonth, request.card.expiryYear, new Date())
    ) {
      throw new BadRequestError('CARD_EXPIRED', 'The card has expired.', [
        'card.expiryMonth/expiryYear is in the past',
      ]);
    }
    return digits;
  }

  /**
   * A reservation made a moment ago may not have reached this service yet,
   * so paying waits briefly for its event before answering 404.
   */
  private async bookingFor(
    locator: string,
    lastName: string,
    { wait }: { wait: boolean },
  ): Promise<Booking> {
    const repository = this.dataSource.getRepository(Booking);
    const key = locator.toUpperCase();
    const find = () => repository.findOneBy({ locator: key });
    const booking = wait
      ? await waitFor(find, this.config.RESERVATION_WAIT_MS, {
          pause: (ms) => this.arrivals.next(key, ms),
        })
      : await find();
    if (!booking || !isPassengerOf(booking, lastName)) {
      throw new NotFoundError(
        'RESERVATION_NOT_FOUND',
        'No reservation matches this locator and last name.',
      );
    }
    return booking;
  }

  /** Locks the booking so that two payments for it run one after the other. */
  private async lockPayable(
    manager: EntityManager,
    reservationId: string,
  ): Promise<Booking> {
    const booking = await manager.findOneOrFail(Booking, {
      where: { reservationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (booking.status !== 'AWAITING_PAYMENT') {
      throw new ConflictError(
        'RESERVATION_NOT_PAYABLE',
        `The reservation is not awaiting payment (${booking.status}).`,
      );
    }
    // Refused before capture rather than captured and refunded: the customer
    // sees no charge for a hold that has run out.
    if (booking.holdExpiresAt.getTime() <= Date.now()) {
      throw new ConflictError(
        'RESERVATION_NOT_PAYABLE',
        'The reservation hold has expired.',
      );
    }
    return booking;
  }

  private async charge(
    manager: EntityManager,
    booking: Booking,
    request: CreatePaymentDto,
    digits: string,
  ): Promise<Payment> {
    const id = randomUUID();
    const card = summarize(
      digits,
      request.card.expiryMonth,
      request.card.expiryYear,
    );
    // The simulated processor answers at once; a real one would be called
    // after recording a pending payment, outside this transaction.
    const result = await this.processor.charge({
      cardNumber: digits,
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      cvc: request.card.cvc,
      amountCents: booking.amountCents,
      currency: booking.currency,
      idempotencyKey: id,
    });

    const payment = manager.create(Payment, {
      id,
      reservationId: booking.reservationId,
      locator: booking.locator,
      status: result.outcome,
      amountCents: booking.amountCents,
      currency: booking.currency,
      cardBrand: card.brand,
      cardLast4: card.last4,
      cardExpiryMonth: card.expiryMonth,
      cardExpiryYear: card.expiryYear,
      declineReason: result.outcome === 'DECLINED' ? result.reason : null,
      processorReference:
        result.outcome === 'CAPTURED' ? result.reference : null,
    });
    // A plain insert: save() would first select the row it is about to add.
    await manager.insert(Payment, payment);
    await manager.update(
      Booking,
      { reservationId: booking.reservationId },
      { status: result.outcome === 'CAPTURED' ? 'PAID' : 'PAYMENT_FAILED' },
    );
    return payment;
  }

  private async announce(
    manager: EntityManager,
    payment: Payment,
  ): Promise<void> {
    const base = {
      paymentId: payment.id,
      reservationId: payment.reservationId,
      locator: payment.locator,
    };
    if (payment.status === 'CAPTURED') {
      await this.outbox.record(
        manager,
        'PaymentCaptured',
        payment.reservationId,
        {
          ...base,
          amountCents: payment.amountCents,
          currency: payment.currency,
        },
      );
    } else {
      await this.outbox.record(
        manager,
        'PaymentDeclined',
        payment.reservationId,
        {
          ...base,
          reason: payment.declineReason ?? 'declined',
        },
      );
    }
    this.log.info(
      { ...base, status: payment.status, card: payment.cardBrand },
      'Recorded payment',
    );
  }
}
