import { randomUUID } from 'node:crypto';

import { Answer, HttpClient } from './http-client';
import { FinalState, Recorder } from './recorder';

export interface Route {
  readonly origin: string;
  readonly destination: string;
}

interface Flight {
  readonly id: string;
  readonly seatsAvailable: number;
}

interface Booked {
  readonly locator: string;
  readonly sentAt: number;
}

export interface JourneyMix {
  readonly declineShare: number;
  readonly cancelShare: number;
  /** Days ahead that customers pick their travel date from. */
  readonly days: number;
}

const LAST_NAME = 'Benchmark';
const CAPTURED_CARD = '4242424242424242';
const DECLINED_CARD = '4000000000000002';
/** Polls soon, then back off: sagas take tens of milliseconds. */
const POLL_DELAYS_MS = [5, 10, 20, 40, 80, 100];
const GIVE_UP_AFTER_MS = 30_000;

/** Thrown to end a journey as an error of the given kind. */
class JourneyFailed extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

/**
 * One simulated customer's journey: search, reserve 1–3 passengers, pay
 * (sometimes with a card that is declined), wait until the booking is
 * final, and now and then cancel it.
 */
export class Customer {
  constructor(
    private readonly http: HttpClient,
    private readonly recorder: Recorder,
    private readonly routes: readonly Route[],
    private readonly mix: JourneyMix,
  ) {}

  /** Books once; resolves to how the journey ended, errors included. */
  async journey(): Promise<FinalState> {
    let state: FinalState;
    try {
      state = await this.book();
    } catch (error) {
      const kind =
        error instanceof JourneyFailed ? error.kind : 'driver:exception';
      this.recorder.error(kind);
      state = 'ERROR';
    }
    this.recorder.finished(state);
    return state;
  }

  private async book(): Promise<FinalState> {
    const party = 1 + Math.floor(Math.random() * 3);
    const flight = await this.search(party);
    const booked = flight && (await this.reserve(flight, party));
    if (!booked) {
      return 'SOLD_OUT';
    }

    await this.pay(booked.locator);
    const state = await this.outcome(booked);
    if (state === 'CONFIRMED' && Math.random() < this.mix.cancelShare) {
      return this.cancel(booked.locator);
    }
    return state;
  }

  private async search(party: number): Promise<Flight | undefined> {
    const route = this.routes[Math.floor(Math.random() * this.routes.length)];
    const date = new Date(Date.now() + this.randomDays() * 86_400_000);
    const query = new URLSearchParams({
      ...route,
      date: date.toISOString().slice(0, 10),
    });
    const answer = await this.call(() =>
      this.http.get<Flight[]>('GET /api/flights', `/api/flights?${query}`),
    );
    expect(answer, 200, 'search');
    return answer.body.find((f) => f.seatsAvailable >= party);
  }

  private async reserve(
    flight: Flight,
    party: number,
  ): Promise<Booked | undefined> {
    const sentAt = performance.now();
    const answer = await this.call(() =>
      this.http.post<{ locator: string; code?: string }>(
        'POST /api/reservations',
        '/api/reservations',
        { flightId: flight.id, passengers: passengers(party) },
        { 'idempotency-key': randomUUID() },
      ),
    );
    if (answer.status === 409 && answer.body.code === 'SEATS_UNAVAILABLE') {
      return undefined;
    }
    expect(answer, 201, 'reserve');
    return { locator: answer.body.locator, sentAt };
  }

  private async pay(locator: string): Promise<void> {
    const declined = Math.random() < this.mix.declineShare;
    const answer = await this.call(() =>
      this.http.post(
        'POST /api/payments',
        '/api/payments',
        {
          locator,
          lastName: LAST_NAME,
          card: card(declined ? DECLINED_CARD : CAPTURED_CARD),
        },
        { 'idempotency-key': randomUUID() },
      ),
    );
    expect(answer, 201, 'pay');
  }

  /** Polls the booking until it is confirmed or failed. */
  private async outcome(booked: Booked): Promise<FinalState> {
    for (let poll = 0; ; poll++) {
      const answer = await this.call(() =>
        this.http.get<{ status: string }>(
          'GET /api/reservations/:locator',
          `/api/reservations/${booked.locator}`,
          { 'x-last-name': LAST_NAME },
        ),
      );
      expect(answer, 200, 'poll');
      const status = answer.body.status;
      if (status === 'CONFIRMED') {
        this.recorder.confirmed(performance.now() - booked.sentAt);
        return status;
      }
      if (status !== 'AWAITING_PAYMENT') {
        return status === 'PAYMENT_FAILED' ? status : unexpected(status);
      }
      await this.pause(booked.sentAt, poll);
    }
  }

  private async cancel(locator: string): Promise<FinalState> {
    const answer = await this.call(() =>
      this.http.post<{ id: string }>(
        'POST /api/cancellations',
        '/api/cancellations',
        { locator, lastName: LAST_NAME, reason: 'benchmark' },
        { 'idempotency-key': randomUUID() },
      ),
    );
    expect(answer, 202, 'cancel');
    const startedAt = performance.now();
    for (let poll = 0; ; poll++) {
      await this.pause(startedAt, poll + POLL_DELAYS_MS.length - 1);
      const status = await this.cancellationStatus(answer.body.id);
      if (status === 'COMPLETED') {
        return 'CANCELLED';
      }
      if (status !== 'REQUESTED') {
        throw new JourneyFailed(`cancel:${status}`);
      }
    }
  }

  private async cancellationStatus(id: string): Promise<string> {
    const answer = await this.call(() =>
      this.http.get<{ status: string }>(
        'GET /api/cancellations/:id',
        `/api/cancellations/${id}`,
        { 'x-last-name': LAST_NAME },
      ),
    );
    expect(answer, 200, 'cancel-poll');
    return answer.body.status;
  }

  private async pause(since: number, poll: number): Promise<void> {
    if (performance.now() - since > GIVE_UP_AFTER_MS) {
      throw new JourneyFailed('timeout:not-final-after-30s');
    }
    const delay = POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)];
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  private async call<T>(send: () => Promise<Answer<T>>): Promise<Answer<T>> {
    try {
      return await send();
    } catch {
      throw new JourneyFailed('network');
    }
  }

  /** Two days ahead at least, so that most cancellations are refunded. */
  private randomDays(): number {
    return 2 + Math.floor(Math.random() * Math.max(this.mix.days - 2, 1));
  }
}

function expect<T>(answer: Answer<T>, status: number, step: string): void {
  if (answer.status !== status) {
    const code = (answer.body as { code?: string } | null)?.code;
    throw new JourneyFailed(
      `${step}:${answer.status}${code ? ` ${code}` : ''}`,
    );
  }
}

function unexpected(status: string): never {
  throw new JourneyFailed(`poll:unexpected ${status}`);
}

function passengers(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    firstName: `Pax${String.fromCharCode(65 + i)}`,
    lastName: LAST_NAME,
    email: `pax${i}@example.com`,
  }));
}

function card(number: string) {
  return {
    number,
    expiryMonth: 12,
    expiryYear: new Date().getUTCFullYear() + 3,
    cvc: '123',
    holderName: 'Bench Customer',
  };
}
