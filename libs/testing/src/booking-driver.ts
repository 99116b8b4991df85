import { randomUUID } from 'node:crypto';

import { Api, card, CARDS, eventually, passengers } from './http';

export interface Booking {
  readonly reservationId: string;
  readonly locator: string;
  readonly expected: 'CONFIRMED' | 'PAYMENT_FAILED' | 'CANCELLED';
}

export interface DriverReport {
  readonly bookings: Booking[];
  /** Requests the client repeated: after a 404, a 409 in progress, a 5xx. */
  readonly retries: number;
  /** The same, by what the client saw: `503`, `no answer`, `409 …`. */
  readonly retriesBy: Record<string, number>;
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
  private readonly retriesBy: Record<string, number> = {};
  private readonly failures: string[] = [];
  private readonly bookings: Booking[] = [];

  constructor(
    private readonly reservation: Api,
    private readonly payment: Api,
    private readonly flightIds: string[],
    /** With it, every `cancelEvery`th booking is cancelled once confirmed. */
    private readonly cancellation?: { api: Api; cancelEvery: number },
  ) {}

  /** Books `total` times, `concurrency` at a time, declining every 10th. */
  async run(
    total: number,
    concurrency: number,
    onProgress?: (done: number) => void,
  ): Promise<DriverReport> {
    return this.drive({ total, concurrency, onProgress });
  }

  /**
   * A steady load: books with a pause between a customer's bookings until
   * `stop` is set, or `total` bookings have been made.
   */
  async drive(options: {
    total: number;
    concurrency: number;
    pauseMs?: number;
    stop?: { requested: boolean };
    onProgress?: (done: number) => void;
  }): Promise<DriverReport> {
    const { total, concurrency, pauseMs = 0, stop, onProgress } = options;
    let next = 0;
    const worker = async () => {
      while (next < total && !stop?.requested) {
        const index = next++;
        await this.book(index).catch((error: Error) =>
          this.failures.push(`booking ${index}: ${error.message}`),
        );
        onProgress?.(this.bookings.length);
        if (pauseMs > 0) {
          await sleep(pauseMs);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return this.report();
  }

  report(): DriverReport {
    return {
      bookings: this.bookings,
      retries: this.retries,
      retriesBy: this.retriesBy,
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
    const cancel = !declined && this.shouldCancel(index);
    if (cancel) {
      await this.cancelOnceConfirmed(reservation.locator);
    }
    this.bookings.push({
      reservationId: reservation.id,
      locator: reservation.locator,
      expected: declined
        ? 'PAYMENT_FAILED'
        : cancel
          ? 'CANCELLED'
          : 'CONFIRMED',
    });
  }

  private shouldCancel(index: number): boolean {
    return (
      this.cancellation !== undefined &&
      index % this.cancellation.cancelEvery === 0
    );
  }

  private async cancelOnceConfirmed(locator: string): Promise<void> {
    const lastName = { 'x-last-name': 'Lovelace' };
    // Cancelled after the wait either way: unpaid, it ends CANCELLED too.
    await eventually(
      () =>
        this.reservation
          .get<{ status: string }>(`/api/reservations/${locator}`, lastName)
          .catch(() => undefined),
      (answer) => answer?.body.status === 'CONFIRMED',
      { timeoutMs: MAX_ATTEMPTS * 250, intervalMs: 250 },
    ).catch(() => undefined);
    const key = randomUUID();
    await this.send(
      () =>
        (this.cancellation as { api: Api }).api.post(
          '/api/cancellations',
          { locator, lastName: 'Lovelace', reason: 'plans changed' },
          { 'idempotency-key': key },
        ),
      [202],
    );
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
      this.countRetry(answer);
      await sleep(250);
    }
  }

  private countRetry(answer?: { status: number; body: unknown }): void {
    const code = (answer?.body as { code?: string } | undefined)?.code;
    const reason = answer
      ? `${answer.status} ${code ?? ''}`.trim()
      : 'no answer';
    this.retries++;
    this.retriesBy[reason] = (this.retriesBy[reason] ?? 0) + 1;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const runId = randomUUID().slice(0, 8);
