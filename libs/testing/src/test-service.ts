import { RabbitMqTransport } from '@airline/messaging';
import {
  configureLogging,
  createServiceApp,
  readConfig,
} from '@airline/platform';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { z } from 'zod';

import { postgres, rabbitmq } from './infrastructure';

export interface TestServiceOptions<S extends z.ZodRawShape, C> {
  readonly name: string;
  readonly configShape: S;
  readonly module: (config: C) => DynamicModule;
  readonly database: string;
  readonly vhost: string;
  /** Variables on top of the test defaults (short retries, quiet logs). */
  readonly env?: Record<string, string>;
}

export interface TestService {
  readonly url: string;
  readonly app: NestFastifyApplication;
  readonly dataSource: DataSource;
  /** Shuts down as on SIGTERM: drains HTTP and messages, then disconnects. */
  stop(): Promise<void>;
}

/** The variables a service needs to run against the test containers. */
export function testEnvironment(
  database: string,
  vhost: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    PORT: '1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    DB_HOST: postgres.host(),
    DB_PORT: String(postgres.port()),
    DB_NAME: database,
    DB_USER: postgres.user,
    DB_PASSWORD: postgres.password,
    RABBITMQ_HOST: rabbitmq.host(),
    RABBITMQ_PORT: String(rabbitmq.port()),
    RABBITMQ_USER: rabbitmq.user,
    RABBITMQ_PASSWORD: rabbitmq.password,
    RABBITMQ_VHOST: vhost,
    MESSAGE_RETRY_DELAYS_MS: '100,300',
    ...overrides,
  };
}

/** Runs a service in this process against the test containers. */
export async function startTestService<S extends z.ZodRawShape>(
  options: TestServiceOptions<S, z.infer<z.ZodObject<S>>>,
): Promise<TestService> {
  const config = readConfig(
    options.configShape,
    testEnvironment(options.database, options.vhost, options.env),
  ) as z.infer<z.ZodObject<S>> & { LOG_LEVEL: string };
  configureLogging(options.name, config.LOG_LEVEL);

  const app = await createServiceApp({
    name: options.name,
    description: `${options.name} under test`,
    port: 0,
    logLevel: config.LOG_LEVEL,
    shutdownGraceMs: 10_000,
    module: options.module(config),
    transport: RabbitMqTransport,
  });
  await app.startAllMicroservices();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  await waitUntilReady(url);

  const dataSource = app.get(DataSource);
  return {
    url,
    app,
    dataSource,
    stop: async () => {
      await app.close();
      await dataSource.destroy();
    },
  };
}

export async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${url}/health/ready`).catch(() => undefined);
    if (ready?.ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready within 30 s`);
}
