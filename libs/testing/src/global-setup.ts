import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { RabbitMQContainer } from '@testcontainers/rabbitmq';

import { INFRASTRUCTURE_ENV } from './infrastructure';

const STARTUP_TIMEOUT_MS = 180_000;

/**
 * Starts one PostgreSQL and one RabbitMQ for the whole integration run.
 * Images come from POSTGRES_IMAGE / RABBITMQ_IMAGE when set (a mirror or a
 * local stand-in), the official ones otherwise.
 */
export default async function globalSetup(): Promise<void> {
  const [postgres, rabbitmq] = await Promise.all([
    new PostgreSqlContainer(process.env.POSTGRES_IMAGE ?? 'postgres:17-alpine')
      .withUsername('admin')
      .withPassword('admin')
      .withDatabase('postgres')
      .withCommand(['postgres', '-c', 'max_connections=300', '-c', 'fsync=off'])
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .start(),
    new RabbitMQContainer(process.env.RABBITMQ_IMAGE ?? 'rabbitmq:4-management')
      .withStartupTimeout(STARTUP_TIMEOUT_MS)
      .start(),
  ]);
  Object.assign(globalThis, { __integrationContainers: [postgres, rabbitmq] });

  const env: Record<string, string> = {
    IT_PG_HOST: postgres.getHost(),
    IT_PG_PORT: String(postgres.getPort()),
    IT_MQ_HOST: rabbitmq.getHost(),
    IT_MQ_PORT: String(rabbitmq.getMappedPort(5672)),
    IT_MQ_MANAGEMENT_PORT: String(rabbitmq.getMappedPort(15672)),
    IT_MQ_CONTAINER: rabbitmq.getId(),
  };
  for (const name of INFRASTRUCTURE_ENV) {
    process.env[name] = env[name];
  }
}
