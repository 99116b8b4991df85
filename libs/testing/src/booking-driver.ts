import { randomUUID } from 'node:crypto';

import { Api, card, CARDS, passengers } from '@airline/testing';

export interface Booking {
  readonly reservationId: string;
  readonly locator: string;
  readonly expected: 'CONFIRMED' | 'PAYMENT_FAILED';
}

export interface DriverReport {
  readonly bookings: Booking[];
  /** Requests the client repeated: after a 404, a 409 in progress, a 5xx. */
  readonly retries: number;
  readonly failures: string[];
}

const MAX_ATTEMPTS = 40;

/**
 * A customer who books and pays, and retries as a careful client would: the
 * same Idempotency-Key after a network error, 5xx or 409 in progress; a new
 * key after a 404 (the reservation's event may not have reached the payment
 * service yet, and the first answer is what a key replays).
 */
export class BookingDriver {
  private retries = 0;
  private readonly failures: string[] = [];
  private readonly bookings: Booking[] = [];

  constructor(
    private readonly reservation: Api,
    private readonly payment: Api,
    private readonly flightIds: string[],
  ) {}

  /** Books `total` times, `concurrency` at a time, declining every 10th. */
  async run(
    total: number,
    concurrency: number,
    onProgress?: (done: number) => void,
  ) {
    let next = 0;
    const worker = async () => {
      while (next < total) {
        const index = next++;
        await this.book(index).catch((error: Error) =>
          this.failures.push(`booking ${index}: ${error.message}`),
        );
        onProgress?.(this.bookings.length);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return this.report();
  }

  report(): DriverReport {
    return {
      bookings: this.bookings,
      retries: this.retries,
      failures: this.failures,
    };
  }

  private async book(index: number): Promise<void> {
    const flightId = this.flightIds[index % this.flightIds.length];
    const reservation = await this.send(
      () =>
        this.reservation.post<{ id: string; locator: string }>(
          '/api/reservations',
          { flightId, passengers: passengers(1 + (index % 2)) },
          { 'idempotency-key': `reserve-${index}-${runId}` },
        ),
      [201],
    );
    const declined = index % 10 === 9;
    let payKey = randomUUID();
    await this.send(
      () =>
        this.payment.post(
          '/api/payments',
          {
            locator: reservation.locator,
            lastName: 'Lovelace',
            card: card(declined ? CARDS.declined : CARDS.captured),
          },
          { 'idempotency-key': payKey },
        ),
      [201],
      () => (payKey = randomUUID()),
    );
    this.bookings.push({
      reservationId: reservation.id,
      locator: reservation.locator,
      expected: declined ? 'PAYMENT_FAILED' : 'CONFIRMED',
    });
  }

  private async send<T>(
    call: () => Promise<{ status: number; body: T }>,
    accepted: number[],
    onNotFound?: () => void,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const answer = await call().catch(() => undefined);
      if (answer && accepted.includes(answer.status)) {
        return answer.body;
      }
      const retriable =
        !answer ||
        answer.status >= 500 ||
        answer.status === 404 ||
        (answer.body as { code?: string }).code === 'REQUEST_IN_PROGRESS';
      if (!retriable || attempt >= MAX_ATTEMPTS) {
        throw new Error(
          `gave up: ${answer?.status} ${JSON.stringify(answer?.body)}`,
        );
      }
      if (answer?.status === 404) {
        onNotFound?.();
      }
      this.retries++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const runId = randomUUID().slice(0, 8);
