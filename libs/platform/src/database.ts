import { DynamicModule, Global, Module } from '@nestjs/common';
import * as pg from 'pg';
import { DataSource, MixedList } from 'typeorm';

import type { CommonConfig } from './config';
import { createLogger } from './logger';

export interface DatabaseOptions {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly username: string;
  readonly password: string;
  readonly poolSize: number;
  // Classes, not globs: a webpack bundle has no files to search.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly migrations: MixedList<Function>;
}

const log = createLogger('Database');
const CONNECT_ATTEMPTS = 30;
/** Any constant will do, as long as every replica of a service uses it. */
const MIGRATION_LOCK = 72_616_873;

export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    // TypeORM loads pg lazily; passing it keeps it in the bundle's imports.
    driver: pg,
    host: options.host,
    port: options.port,
    database: options.database,
    username: options.username,
    password: options.password,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    extra: { max: options.poolSize, connectionTimeoutMillis: 10_000 },
  });
}

/** Connects (waiting for the server if needed) and applies migrations. */
export async function openDatabase(
  options: DatabaseOptions,
): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await connectWithRetry(dataSource);
  await migrate(dataSource);
  return dataSource;
}

async function connectWithRetry(dataSource: DataSource): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.initialize();
      return;
    } catch (error) {
      if (attempt >= CONNECT_ATTEMPTS) {
        throw error;
      }
      log.warn(
        { attempt, reason: (error as Error).message },
        'Database not reachable yet; retrying',
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** Replicas starting together take turns, so each migration runs once. */
async function migrate(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) {
      log.info({ migration: migration.name }, 'Applied migration');
    }
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await runner.release();
  }
}

export type DatabaseSchema = Pick<DatabaseOptions, 'entities' | 'migrations'>;

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: CommonConfig, schema: DatabaseSchema): DynamicModule {
    const options: DatabaseOptions = {
      host: config.DB_HOST,
      port: config.DB_PORT,
      database: config.DB_NAME,
      username: config.DB_USER,
      password: config.DB_PASSWORD,
      poolSize: config.DB_POOL_SIZE,
      ...schema,
    };
    return {
      module: DatabaseModule,
      providers: [
        { provide: DataSource, useFactory: () => openDatabase(options) },
      ],
      exports: [DataSource],
    };
  }
}
