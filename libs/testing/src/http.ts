import { randomUUID } from 'node:crypto';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for tests; every call is bounded by a timeout. */
export class Api {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async get<T = Record<string, unknown>>(
    path: string,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    return this.send<T>('GET', path, undefined, headers);
  }

  /** POSTs with a fresh Idempotency-Key unless one is given. */
  async post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    return this.send<T>('POST', path, JSON.stringify(body), {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      ...headers,
    });
  }

  async send<T>(
    method: string,
    path: string,
    body: string | undefined,
    headers: Record<string, string>,
  ): Promise<Answer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      body,
      headers,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await response.text();
    const parsed = text ? safeJson(text) : null;
    return {
      status: response.status,
      body: parsed as T,
      headers: response.headers,
    };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { raw: text };
  }
}

/** Polls until `check` holds, or fails naming what it last saw. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  { timeoutMs = 10_000, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!check(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `condition not met within ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await probe();
  }
  return last;
}

export const CARDS = {
  captured: '4242 4242 4242 4242',
  declined: '4000 0000 0000 0002',
  insufficientFunds: '4000 0000 0000 9995',
};

export function card(number: string) {
  return {
    number,
    expiryMonth: 12,
    expiryYear: new Date().getUTCFullYear() + 3,
    cvc: '123',
    holderName: 'Ada Lovelace',
  };
}

export function passengers(count: number, lastName = 'Lovelace') {
  return Array.from({ length: count }, (_, i) => ({
    firstName: `Ada${String.fromCharCode(65 + i)}`,
    lastName,
    email: `ada${i}@example.com`,
  }));
}

/** A random booking reference in the contract's alphabet. */
export function randomLocator(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(
    { length: 6 },
    () => alphabet[Math.floor(Math.random() * alphabet.length)],
  ).join('');
}
