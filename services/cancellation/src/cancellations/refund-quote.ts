import type {
  CancellationRejectionReason,
  RefundPolicyName,
} from '@airline/contracts';

import { decideRefund, refundAmount } from './refund-policy';

/** What this service knows of a booking that decides its refund. */
export interface QuotedBooking {
  readonly status: string;
  readonly departureAt: Date;
  readonly amountCents: number;
}

export type RefundQuote =
  | {
      readonly cancellable: true;
      readonly paid: boolean;
      readonly refundPolicy: RefundPolicyName;
      readonly refundPercent: number;
      readonly refundAmountCents: number;
    }
  | {
      readonly cancellable: false;
      readonly paid: boolean;
      readonly rejectionReason: CancellationRejectionReason;
      readonly refundPolicy: 'NONE';
      readonly refundPercent: 0;
      readonly refundAmountCents: 0;
    };

const CANCELLABLE = new Set(['AWAITING_PAYMENT', 'CONFIRMED']);

/**
 * What cancelling at `at` would refund, by the same rules a cancellation
 * request applies: only a confirmed booking was paid, so only it gets money
 * back, and a booking the reservation service would refuse to cancel is
 * quoted as refused for the same reason.
 */
export function quoteRefund(booking: QuotedBooking, at: Date): RefundQuote {
  const paid = booking.status === 'CONFIRMED';
  const decision = decideRefund(booking.departureAt, at);
  if (!decision.allowed) {
    return refused(paid, decision.reason);
  }
  if (booking.status === 'CANCELLED') {
    return refused(paid, 'ALREADY_CANCELLED');
  }
  if (!CANCELLABLE.has(booking.status)) {
    return refused(paid, 'NOT_CANCELLABLE');
  }
  if (!paid) {
    return {
      cancellable: true,
      paid,
      refundPolicy: 'NONE',
      refundPercent: 0,
      refundAmountCents: 0,
    };
  }
  return {
    cancellable: true,
    paid,
    refundPolicy: decision.policy,
    refundPercent: decision.percent,
    refundAmountCents: refundAmount(booking.amountCents, decision.percent),
  };
}

function refused(
  paid: boolean,
  rejectionReason: CancellationRejectionReason,
): RefundQuote {
  return {
    cancellable: false,
    paid,
    rejectionReason,
    refundPolicy: 'NONE',
    refundPercent: 0,
    refundAmountCents: 0,
  };
}
