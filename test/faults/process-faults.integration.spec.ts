import { request } from 'node:http';

import {
  Answer,
  Api,
  eventually,
  isolate,
  passengers,
  startRabbitMq,
  stopRabbitMq,
  TestBus,
} from '@airline/testing';
import { Client } from 'pg';

import { buildServices, ServiceProcess } from './service-process';

interface Flight {
  id: string;
  seatsTotal: number;
  seatsAvailable: number;
}

/**
 * Issue #3, proofs 2, 5 and 6: the reservation service as a process of its
 * own, killed and stopped at the worst moments.
 */
describe('the reservation service killed or stopped mid-work', () => {
  let database: string;
  let vhost: string;
  let db: Client;

  beforeAll(async () => {
    buildServices();
    ({ database, vhost } = await isolate('reservation'));
  });

  const buses: TestBus[] = [];

  afterEach(async () => {
    // What a failed test left open would keep Jest from exiting.
    await ServiceProcess.killAll();
    await Promise.all(buses.splice(0).map((bus) => bus.close().catch(() => 0)));
    await db?.end();
  });

  async function openBus(): Promise<TestBus> {
    const bus = await TestBus.connect(vhost);
    buses.push(bus);
    return bus;
  }

  async function connect(): Promise<Client> {
    db = new Client({
      host: process.env.IT_PG_HOST,
      port: Number(process.env.IT_PG_PORT),
      user: 'admin',
      password: 'admin',
      database,
    });
    await db.connect();
    return db;
  }

  async function scalar(
    sql: string,
    parameters: unknown[] = [],
  ): Promise<number> {
    const { rows } = await db.query(sql, parameters);
    return Number(rows[0].n);
  }

  it('publishes after a restart the event it committed before a SIGKILL', async () => {
    const first = await ServiceProcess.start('reservation', database, vhost);
    await connect();
    const api = new Api(first.url);
    const [flight] = (await api.get<Flight[]>('/api/flights?limit=1&offset=30'))
      .body;

    await stopRabbitMq();
    const created = await api.post<{ id: string }>('/api/reservations', {
      flightId: flight.id,
      passengers: passengers(1),
    });
    const unsent = await scalar(
      `SELECT count(*)::int AS n FROM outbox WHERE aggregate_id = $1 AND sent_at IS NULL`,
      [created.body.id],
    );
    first.kill('SIGKILL');
    await first.exited;
    await startRabbitMq();
    const bus = await openBus();
    const second = await ServiceProcess.start('reservation', database, vhost);

    expect(created.status).toBe(201);
    expect(unsent).toBe(1);
    const event = await bus.waitFor(
      'ReservationCreated',
      (p) => p.reservationId === created.body.id,
    );
    expect(event.payload.reservationId).toBe(created.body.id);
    second.kill('SIGTERM');
    await second.exited;
    await bus.close();
  });

  it('handles once each message a consumer held when it was SIGKILLed', async () => {
    const MESSAGES = 600;
    const first = await ServiceProcess.start('reservation', database, vhost);
    await connect();
    const bus = await openBus();
    const api = new Api(first.url);
    const flights = (await api.get<Flight[]>('/api/flights?limit=200')).body
      .filter((flight) => flight.seatsTotal >= 250)
      .slice(0, 6);
    const made: Answer<{ id: string; locator: string }>[] = [];
    for (let i = 0; i < MESSAGES; i += 50) {
      made.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, (_, j) =>
            api.post<{ id: string; locator: string }>('/api/reservations', {
              flightId: flights[(i + j) % flights.length].id,
              passengers: passengers(1),
            }),
          ),
        )),
      );
    }
    expect(made.filter((answer) => answer.status !== 201)).toEqual([]);
    const reservations = made.map((answer) => answer.body);

    for (const reservation of reservations) {
      await bus.publish('PaymentDeclined', {
        paymentId: crypto.randomUUID(),
        reservationId: reservation.id,
        locator: reservation.locator,
        reason: 'card_declined',
      });
    }
    const ids = reservations.map((r) => r.id);
    const failed = () =>
      scalar(
        `SELECT count(*)::int AS n FROM reservations
         WHERE id = ANY($1) AND status = 'PAYMENT_FAILED'`,
        [ids],
      );
    await eventually(failed, (n) => n >= 50, { intervalMs: 10 });
    first.kill('SIGKILL');
    await first.exited;
    const atKill = await failed();
    const second = await ServiceProcess.start('reservation', database, vhost);
    await eventually(failed, (n) => n === MESSAGES, { timeoutMs: 60_000 });

    console.log(`consumer SIGKILLed after ${atKill} of ${MESSAGES} messages`);
    expect(atKill).toBeLessThan(MESSAGES);
    const moves = await scalar(
      `SELECT count(*)::int AS n FROM reservation_history
       WHERE reservation_id = ANY($1) AND to_status = 'PAYMENT_FAILED'`,
      [ids],
    );
    expect(moves).toBe(MESSAGES);
    for (const flight of flights) {
      const seats = (
        await new Api(second.url).get<Flight>(`/api/flights/${flight.id}`)
      ).body;
      expect(seats.seatsAvailable).toBe(seats.seatsTotal);
    }
    // The relay publishes at least once: a batch confirmed by the broker
    // but not yet marked sent when the process died goes out again, with
    // the same message ids, for the inboxes downstream to drop. One event
    // identity per reservation is the guarantee.
    const eventIds = () => {
      const byReservation = new Map<string, Set<string>>();
      for (const event of bus.events('ReservationPaymentFailed')) {
        const id = String(event.payload.reservationId);
        if (ids.includes(id)) {
          byReservation.set(
            id,
            (byReservation.get(id) ?? new Set()).add(event.id),
          );
        }
      }
      return byReservation;
    };
    await eventually(
      async () => eventIds().size,
      (n) => n >= MESSAGES,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const identities = eventIds();
    expect(identities.size).toBe(MESSAGES);
    expect([...identities.values()].every((set) => set.size === 1)).toBe(true);
    second.kill('SIGTERM');
    await second.exited;
    await bus.close();
  });

  it('leaves no Idempotency-Key stuck when SIGKILLed mid-request', async () => {
    const first = await ServiceProcess.start('reservation', database, vhost);
    await connect();
    const before = await scalar(`SELECT count(*)::int AS n FROM reservations`);
    const flights = (
      await new Api(first.url).get<Flight[]>('/api/flights?limit=200')
    ).body.filter((flight) => flight.seatsTotal < 250);
    const sent = new Map<string, unknown>();
    const answered = new Map<string, string>();
    let killed = false;

    const client = async () => {
      while (!killed && sent.size < 3_000) {
        const key = crypto.randomUUID();
        const body = {
          flightId: flights[sent.size % flights.length].id,
          passengers: passengers(1),
        };
        sent.set(key, body);
        const answer = await postOnFreshConnection(
          `${first.url}/api/reservations`,
          body,
          key,
        );
        if (answer.status === 201) {
          answered.set(key, String(JSON.parse(answer.body).id));
        }
      }
    };
    const clients = Array.from({ length: 8 }, client);
    await eventually(
      async () => answered.size,
      (n) => n >= 150,
    );
    first.kill('SIGKILL');
    killed = true;
    await Promise.all(clients);
    await first.exited;

    const second = await ServiceProcess.start('reservation', database, vhost);
    const retried = await Promise.all(
      [...sent].map(async ([key, body]) => {
        const answer = await postOnFreshConnection(
          `${second.url}/api/reservations`,
          body,
          key,
        );
        return { key, status: answer.status, id: idOf(answer.body) };
      }),
    );
    const reservations = await scalar(
      `SELECT count(*)::int AS n FROM reservations`,
    );
    const unanswered = sent.size - answered.size;

    console.log(
      `SIGKILL mid-request: ${sent.size} keys sent, ${answered.size} answered, ` +
        `${unanswered} cut off; after the restart every key retried once`,
    );
    expect(retried.filter((r) => r.status !== 201)).toEqual([]);
    expect(
      retried.filter(
        (r) => answered.has(r.key) && answered.get(r.key) !== r.id,
      ),
    ).toEqual([]);
    expect(reservations - before).toBe(sent.size);
    expect(unanswered).toBeGreaterThan(0);
    second.kill('SIGTERM');
    await second.exited;
  });

  it('fails no accepted request and loses no event when SIGTERMed under load', async () => {
    const service = await ServiceProcess.start('reservation', database, vhost, {
      SHUTDOWN_GRACE_MS: '15000',
    });
    await connect();
    const bus = await openBus();
    const flights = (
      await new Api(service.url).get<Flight[]>('/api/flights?limit=200')
    ).body.filter((flight) => flight.seatsTotal < 250);
    const outcomes = {
      created: [] as string[],
      refused: 0,
      resetUnprocessed: [] as string[],
      failed: [] as string[],
    };
    let stopping = false;
    let sent = 0;

    const client = async () => {
      while (!stopping && sent < 3_000) {
        const flightId = flights[sent++ % flights.length].id;
        const key = crypto.randomUUID();
        const answer = await postOnFreshConnection(
          `${service.url}/api/reservations`,
          { flightId, passengers: passengers(1) },
          key,
        );
        if (answer.status === 201) {
          outcomes.created.push(String(JSON.parse(answer.body).id));
        } else if (answer.error === 'ECONNREFUSED' || answer.status === 503) {
          outcomes.refused++;
        } else if (answer.error === 'ECONNRESET') {
          // Reset before an answer: judged below by whether it was processed.
          outcomes.resetUnprocessed.push(key);
        } else {
          outcomes.failed.push(
            answer.error ?? `${answer.status} ${answer.body}`,
          );
        }
      }
    };
    const clients = Array.from({ length: 6 }, client);
    await eventually(
      async () => outcomes.created.length,
      (n) => n >= 100,
    );
    const signalled = Date.now();
    service.kill('SIGTERM');
    const exit = await service.exited;
    const shutdownMs = Date.now() - signalled;
    await new Promise((resolve) => setTimeout(resolve, 300));
    stopping = true;
    await Promise.all(clients);
    const unsentAtExit = await scalar(
      `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`,
    );
    // A connection the server closed before reading its request is safe to
    // retry; one it closed after starting the work would be a failure.
    const processedButReset = await scalar(
      `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = ANY($1)`,
      [outcomes.resetUnprocessed],
    );

    console.log(
      `SIGTERM under load: ${outcomes.created.length} created, ` +
        `${outcomes.refused} refused after the signal, ` +
        `${outcomes.resetUnprocessed.length} reset unread (safe to retry), ` +
        `${outcomes.failed.length} failed; shut down in ${shutdownMs} ms`,
    );
    expect(outcomes.failed).toEqual([]);
    expect(processedButReset).toBe(0);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(unsentAtExit).toBe(0);
    const announced = new Set(
      bus
        .events('ReservationCreated')
        .map((e) => String(e.payload.reservationId)),
    );
    expect(outcomes.created.filter((id) => !announced.has(id))).toEqual([]);
    await bus.close();
  });
});

function idOf(body: string): string | undefined {
  try {
    return String(JSON.parse(body).id);
  } catch {
    return undefined;
  }
}

interface RawAnswer {
  status?: number;
  body: string;
  error?: string;
}

/**
 * One request on a connection of its own, so that after the server stops
 * listening a request is either refused outright or fully answered.
 */
function postOnFreshConnection(
  url: string,
  body: unknown,
  idempotencyKey: string,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        timeout: 15_000,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'idempotency-key': idempotencyKey,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
        res.on('error', (error: NodeJS.ErrnoException) =>
          resolve({ body: text, error: error.code ?? error.message }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ body: '', error: error.code ?? error.message }),
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(payload);
  });
}
