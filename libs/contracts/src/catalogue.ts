import { z } from 'zod';

import * as events from './events';

export type ServiceName = 'reservation' | 'payment' | 'cancellation';

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  /** Also the routing key on the events exchange. */
  readonly type: string;
  readonly version: number;
  readonly summary: string;
  readonly schema: S;
  readonly producer: ServiceName;
  readonly consumers: readonly ServiceName[];
}

function define<S extends z.ZodType>(
  definition: EventDefinition<S>,
): EventDefinition<S> {
  return definition;
}

/** Every event of the system: its routing key, schema, producer and consumers. */
export const Events = {
  ReservationCreated: define({
    type: 'reservation.created',
    version: 1,
    summary: 'Seats are held for a new reservation awaiting payment.',
    schema: events.ReservationCreated,
    producer: 'reservation',
    consumers: ['payment', 'cancellation'],
  }),
  ReservationConfirmed: define({
    type: 'reservation.confirmed',
    version: 1,
    summary: 'A captured payment confirmed the reservation.',
    schema: events.ReservationConfirmed,
    producer: 'reservation',
    consumers: ['payment', 'cancellation'],
  }),
  ReservationPaymentFailed: define({
    type: 'reservation.payment-failed',
    version: 1,
    summary: 'The payment was declined; the seats were released.',
    schema: events.ReservationPaymentFailed,
    producer: 'reservation',
    consumers: ['payment', 'cancellation'],
  }),
  ReservationExpired: define({
    type: 'reservation.expired',
    version: 1,
    summary: 'The hold ran out before payment; the seats were released.',
    schema: events.ReservationExpired,
    producer: 'reservation',
    consumers: ['payment', 'cancellation'],
  }),
  ReservationCancelled: define({
    type: 'reservation.cancelled',
    version: 1,
    summary: 'The reservation was cancelled and its seats released.',
    schema: events.ReservationCancelled,
    producer: 'reservation',
    consumers: ['payment', 'cancellation'],
  }),
  ReservationCancellationRejected: define({
    type: 'reservation.cancellation-rejected',
    version: 1,
    summary: 'The reservation could not be cancelled.',
    schema: events.ReservationCancellationRejected,
    producer: 'reservation',
    consumers: ['cancellation'],
  }),
  ReservationPaymentRefused: define({
    type: 'reservation.payment-refused',
    version: 1,
    summary:
      'A capture arrived after the reservation stopped awaiting payment; ' +
      'the capture must be refunded in full.',
    schema: events.ReservationPaymentRefused,
    producer: 'reservation',
    consumers: ['payment'],
  }),
  PaymentCaptured: define({
    type: 'payment.captured',
    version: 1,
    summary: 'The card processor captured the reservation amount.',
    schema: events.PaymentCaptured,
    producer: 'payment',
    consumers: ['reservation'],
  }),
  PaymentDeclined: define({
    type: 'payment.declined',
    version: 1,
    summary: 'The card processor declined the payment.',
    schema: events.PaymentDeclined,
    producer: 'payment',
    consumers: ['reservation'],
  }),
  PaymentRefunded: define({
    type: 'payment.refunded',
    version: 1,
    summary: 'Money was returned to the card of a captured payment.',
    schema: events.PaymentRefunded,
    producer: 'payment',
    consumers: ['cancellation'],
  }),
  CancellationRequested: define({
    type: 'cancellation.requested',
    version: 1,
    summary: 'A customer asked to cancel; the refund policy is decided.',
    schema: events.CancellationRequested,
    producer: 'cancellation',
    consumers: ['reservation'],
  }),
} as const;

export type EventName = keyof typeof Events;

export type EventPayload<N extends EventName> = z.infer<
  (typeof Events)[N]['schema']
>;

const byType = new Map<string, EventDefinition>(
  Object.values(Events).map((definition) => [definition.type, definition]),
);

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}

export function eventsConsumedBy(service: ServiceName): EventDefinition[] {
  return Object.values(Events).filter((definition) =>
    (definition.consumers as readonly string[]).includes(service),
  );
}

export function eventsProducedBy(service: ServiceName): EventDefinition[] {
  return Object.values(Events).filter(
    (definition) => definition.producer === service,
  );
}
