import type { RefundPolicyName } from '@airline/contracts';

const HOUR_MS = 60 * 60 * 1000;

export type RefundDecision =
  | {
      readonly allowed: true;
      readonly policy: RefundPolicyName;
      readonly percent: number;
    }
  | { readonly allowed: false; readonly reason: 'FLIGHT_DEPARTED' };

/**
 * The contract's refund policy, by time left before departure when the
 * cancellation is requested: more than 72 h, everything back; 24 to 72 h,
 * half; under 24 h, nothing (the booking is still cancelled); none left,
 * no cancellation at all.
 */
export function decideRefund(
  departureAt: Date,
  requestedAt: Date,
): RefundDecision {
  const left = departureAt.getTime() - requestedAt.getTime();
  if (left <= 0) {
    return { allowed: false, reason: 'FLIGHT_DEPARTED' };
  }
  if (left > 72 * HOUR_MS) {
    return { allowed: true, policy: 'FULL', percent: 100 };
  }
  if (left >= 24 * HOUR_MS) {
    return { allowed: true, policy: 'PARTIAL', percent: 50 };
  }
  return { allowed: true, policy: 'NONE', percent: 0 };
}

/** Rounded down to the cent: a refund never exceeds what the policy allows. */
export function refundAmount(paidCents: number, percent: number): number {
  return Math.floor((paidCents * percent) / 100);
}
