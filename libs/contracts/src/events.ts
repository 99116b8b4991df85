import { z } from 'zod';

import { AmountCents, Currency, IsoDateTime, Locator, Uuid } from './money';

/** The topic exchange every domain event is published to. */
export const EVENTS_EXCHANGE = 'airline.events';

export const ReservationCreated = z.object({
  reservationId: Uuid,
  locator: Locator,
  flightId: Uuid,
  flightNumber: z.string().min(1),
  departureAt: IsoDateTime,
  passengerLastNames: z.array(z.string().min(1)).min(1).max(9),
  amountCents: AmountCents,
  currency: Currency,
  holdExpiresAt: IsoDateTime,
});

export const ReservationConfirmed = z.object({
  reservationId: Uuid,
  locator: Locator,
  paymentId: Uuid,
});

export const ReservationPaymentFailed = z.object({
  reservationId: Uuid,
  locator: Locator,
  paymentId: Uuid,
  reason: z.string().min(1),
});

export const ReservationExpired = z.object({
  reservationId: Uuid,
  locator: Locator,
});

export const ReservationCancelled = z.object({
  reservationId: Uuid,
  locator: Locator,
  cancellationId: Uuid,
  wasPaid: z.boolean(),
  refundPercent: z.number().int().min(0).max(100),
});

export const CancellationRejectionReason = z.enum([
  'ALREADY_CANCELLED',
  'NOT_CANCELLABLE',
  'FLIGHT_DEPARTED',
]);

export const ReservationCancellationRejected = z.object({
  reservationId: Uuid,
  locator: Locator,
  cancellationId: Uuid,
  reason: CancellationRejectionReason,
});

/** A capture arrived for a reservation that can no longer be confirmed. */
export const ReservationPaymentRefused = z.object({
  reservationId: Uuid,
  locator: Locator,
  paymentId: Uuid,
  reservationStatus: z.string().min(1),
});

export const PaymentCaptured = z.object({
  paymentId: Uuid,
  reservationId: Uuid,
  locator: Locator,
  amountCents: AmountCents,
  currency: Currency,
});

export const PaymentDeclined = z.object({
  paymentId: Uuid,
  reservationId: Uuid,
  locator: Locator,
  reason: z.string().min(1),
});

export const PaymentRefunded = z.object({
  refundId: Uuid,
  paymentId: Uuid,
  reservationId: Uuid,
  locator: Locator,
  cancellationId: Uuid.nullable(),
  amountCents: AmountCents,
  currency: Currency,
});

export const RefundPolicyName = z.enum(['FULL', 'PARTIAL', 'NONE']);

export const CancellationRequested = z.object({
  cancellationId: Uuid,
  reservationId: Uuid,
  locator: Locator,
  refundPolicy: RefundPolicyName,
  refundPercent: z.number().int().min(0).max(100),
});

export type ReservationCreated = z.infer<typeof ReservationCreated>;
export type ReservationConfirmed = z.infer<typeof ReservationConfirmed>;
export type ReservationPaymentFailed = z.infer<typeof ReservationPaymentFailed>;
export type ReservationExpired = z.infer<typeof ReservationExpired>;
export type ReservationCancelled = z.infer<typeof ReservationCancelled>;
export type CancellationRejectionReason = z.infer<
  typeof CancellationRejectionReason
>;
export type ReservationCancellationRejected = z.infer<
  typeof ReservationCancellationRejected
>;
export type ReservationPaymentRefused = z.infer<
  typeof ReservationPaymentRefused
>;
export type PaymentCaptured = z.infer<typeof PaymentCaptured>;
export type PaymentDeclined = z.infer<typeof PaymentDeclined>;
export type PaymentRefunded = z.infer<typeof PaymentRefunded>;
export type RefundPolicyName = z.infer<typeof RefundPolicyName>;
export type CancellationRequested = z.infer<typeof CancellationRequested>;
