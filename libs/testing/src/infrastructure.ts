import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

import { Client } from 'pg';

export const INFRASTRUCTURE_ENV = [
  'IT_PG_HOST',
  'IT_PG_PORT',
  'IT_MQ_HOST',
  'IT_MQ_PORT',
  'IT_MQ_MANAGEMENT_PORT',
  'IT_MQ_CONTAINER',
] as const;

function required(name: (typeof INFRASTRUCTURE_ENV)[number]): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run with jest.integration.config.cjs`);
  }
  return value;
}

export const postgres = {
  host: () => required('IT_PG_HOST'),
  port: () => Number(required('IT_PG_PORT')),
  user: 'admin',
  password: 'admin',
};

export const rabbitmq = {
  host: () => required('IT_MQ_HOST'),
  port: () => Number(required('IT_MQ_PORT')),
  user: 'guest',
  password: 'guest',
};

/** A name unique to this test run, safe as a database or vhost name. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export async function createDatabase(name: string): Promise<void> {
  const client = new Client({
    host: postgres.host(),
    port: postgres.port(),
    user: postgres.user,
    password: postgres.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** A vhost of its own keeps a test file's queues apart from the others'. */
export async function createVhost(name: string): Promise<void> {
  const base = `http://${rabbitmq.host()}:${required('IT_MQ_MANAGEMENT_PORT')}`;
  const auth = `Basic ${Buffer.from('guest:guest').toString('base64')}`;
  const put = (path: string, body: unknown) =>
    fetch(`${base}${path}`, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  const vhost = encodeURIComponent(name);
  const created = await put(`/api/vhosts/${vhost}`, {});
  if (!created.ok) {
    throw new Error(`creating vhost ${name} failed: ${created.status}`);
  }
  const granted = await put(`/api/permissions/${vhost}/guest`, {
    configure: '.*',
    write: '.*',
    read: '.*',
  });
  if (!granted.ok) {
    throw new Error(`granting vhost ${name} failed: ${granted.status}`);
  }
}

export interface Isolation {
  readonly database: string;
  readonly vhost: string;
}

/** A fresh database and vhost: a test file's data and queues of its own. */
export async function isolate(service: string): Promise<Isolation> {
  const isolation = { database: uniqueName(service), vhost: uniqueName('vh') };
  await createDatabase(isolation.database);
  await createVhost(isolation.vhost);
  return isolation;
}

const exec = promisify(execFile);

/** Stops the broker inside its container: every connection drops. */
export async function stopRabbitMq(): Promise<void> {
  const container = required('IT_MQ_CONTAINER');
  await exec('docker', ['exec', container, 'rabbitmqctl', 'stop_app'], {
    timeout: 60_000,
  });
}

export async function startRabbitMq(): Promise<void> {
  const container = required('IT_MQ_CONTAINER');
  await exec('docker', ['exec', container, 'rabbitmqctl', 'start_app'], {
    timeout: 120_000,
  });
}

export async function restartRabbitMq(): Promise<void> {
  await stopRabbitMq();
  await startRabbitMq();
}
