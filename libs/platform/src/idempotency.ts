import { createHash } from 'node:crypto';

import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  Module,
  NestInterceptor,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import type { EntityManager, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';

import { createLogger } from './logger';
import {
  RequestTransaction,
  withRequestTransaction,
} from './request-transaction';
import {
  BadRequestError,
  ConflictError,
  DomainError,
  UnprocessableError,
} from './errors';

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\w.:-]{1,200}$/;

interface StoredKey {
  request_hash: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  status_code: number | null;
  response_body: string | null;
}

/** Replays a first answer that was an error, as it was. */
class ReplayedError extends DomainError {}

/**
 * The contract's Idempotency-Key: the first request with a key runs; a
 * repeat with the same body gets the first answer (409 while it still
 * runs); a repeat with another body is refused. Keys live in the service's
 * database, so every replica sees them, and a key's answer commits in the
 * same transaction as the request's writes (see `inTransaction`).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new BadRequestError(
        'IDEMPOTENCY_KEY_REQUIRED',
        'Send an Idempotency-Key header of 1-200 letters, digits, or .:_-',
      );
    }
    const scope = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const hash = fingerprint(request.body);
    const status =
      this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ??
      HttpStatus.CREATED;

    return from(this.run(scope, key, hash, status, next));
  }

  private async run(
    scope: string,
    key: string,
    hash: string,
    status: number,
    next: CallHandler,
  ): Promise<unknown> {
    const stored = await this.find(scope, key);
    if (stored) {
      return replay(stored, hash);
    }

    const transaction = new KeyedTransaction(this.dataSource, scope, key, hash);
    try {
      const body = await withRequestTransaction(transaction, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
      await transaction.commit(status, body);
      return body;
    } catch (error) {
      await transaction.rollBack();
      if (error instanceof KeyTaken) {
        return replay(await this.find(scope, key), hash);
      }
      await this.keepRefusal(scope, key, hash, error);
      throw error;
    }
  }

  private async find(scope: string, key: string): Promise<StoredKey> {
    const [stored]: StoredKey[] = await this.dataSource.query(
      `SELECT request_hash, state, status_code, response_body
       FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return stored;
  }

  /**
   * A refusal (4xx) is the request's answer and is kept for replays; after
   * any other failure the key stays free, so that the client may try again.
   */
  private async keepRefusal(
    scope: string,
    key: string,
    hash: string,
    error: unknown,
  ): Promise<void> {
    if (error instanceof DomainError && error.status < 500) {
      await this.dataSource.query(INSERT_ANSWER, [
        scope,
        key,
        hash,
        error.status,
        JSON.stringify({ code: error.code, message: error.message }),
      ]);
    }
  }
}

function replay(stored: StoredKey | undefined, hash: string): unknown {
  if (!stored || stored.state === 'IN_PROGRESS') {
    throw new ConflictError(
      'REQUEST_IN_PROGRESS',
      'A request with this Idempotency-Key is still running; retry shortly.',
    );
  }
  if (stored.request_hash !== hash) {
    throw new UnprocessableError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was used with a different request body.',
    );
  }
  const body = JSON.parse(stored.response_body ?? 'null');
  const status = stored.status_code ?? HttpStatus.OK;
  if (status >= 400) {
    throw new ReplayedError(status, body.code, body.message);
  }
  return body;
}

/** Another request holds the key, or has already answered it. */
class KeyTaken extends Error {}

/**
 * Claims the key only while no other request with it is running: the
 * advisory lock is the running request's, and ends with its transaction.
 */
const CLAIM = `
  WITH lock AS (
    SELECT pg_try_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0)) AS held
  )
  INSERT INTO idempotency_keys (scope, key, request_hash, state)
  SELECT $1, $2, $3, 'IN_PROGRESS' FROM lock WHERE held
  ON CONFLICT DO NOTHING
  RETURNING key`;

const COMPLETE = `
  UPDATE idempotency_keys
  SET state = 'COMPLETED', status_code = $3, response_body = $4,
      completed_at = now()
  WHERE scope = $1 AND key = $2`;

const INSERT_ANSWER = `
  INSERT INTO idempotency_keys
    (scope, key, request_hash, state, status_code, response_body, completed_at)
  VALUES ($1, $2, $3, 'COMPLETED', $4, $5, now())
  ON CONFLICT DO NOTHING`;

/**
 * An idempotent request's transaction: begun by its first write, which claims
 * the key in it, and committed with the answer. Others see the key only once
 * it is answered; a process that dies mid-request leaves nothing behind, the
 * key included, so the client's retry runs the request afresh.
 */
class KeyedTransaction implements RequestTransaction {
  private runner?: QueryRunner;
  private begun?: Promise<EntityManager>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: string,
    private readonly key: string,
    private readonly hash: string,
  ) {}

  join(): Promise<EntityManager> {
    this.begun ??= this.begin();
    return this.begun;
  }

  async commit(status: number, body: unknown): Promise<void> {
    const answer = JSON.stringify(body ?? null);
    if (!this.runner) {
      // The request wrote nothing: its answer is all there is to keep.
      await this.dataSource.query(INSERT_ANSWER, [
        this.scope,
        this.key,
        this.hash,
        status,
        answer,
      ]);
      return;
    }
    await this.runner.query(COMPLETE, [this.scope, this.key, status, answer]);
    await this.runner.commitTransaction();
    await this.runner.release();
  }

  async rollBack(): Promise<void> {
    if (!this.runner || this.runner.isReleased) {
      return;
    }
    if (this.runner.isTransactionActive) {
      await this.runner.rollbackTransaction().catch(() => undefined);
    }
    await this.runner.release();
  }

  private async begin(): Promise<EntityManager> {
    this.runner = this.dataSource.createQueryRunner();
    await this.runner.startTransaction();
    const claimed: unknown[] = await this.runner.query(CLAIM, [
      this.scope,
      this.key,
      this.hash,
    ]);
    if (claimed.length === 0) {
      throw new KeyTaken();
    }
    return this.runner.manager;
  }
}

/** Marks a POST handler as requiring and honouring Idempotency-Key. */
export function Idempotent(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: 'Repeat it to repeat the request safely; kept 24 hours.',
    }),
  );
}

export async function createIdempotencyTable(
  runner: QueryRunner,
): Promise<void> {
  await runner.query(`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      state text NOT NULL,
      status_code integer,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (scope, key)
    )`);
  await runner.query(
    `CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)`,
  );
}

/** Keys are kept for 48 hours, twice what the contract promises. */
export async function pruneIdempotencyKeys(
  dataSource: DataSource,
): Promise<void> {
  await dataSource.query(
    `DELETE FROM idempotency_keys WHERE created_at < now() - interval '48 hours'`,
  );
}

function fingerprint(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** Same JSON whatever the key order, so a reordered body is the same body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as never)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

@Injectable()
class IdempotencyKeyJanitor
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly log = createLogger(IdempotencyKeyJanitor.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      pruneIdempotencyKeys(this.dataSource).catch((error: Error) =>
        this.log.warn(
          { reason: error.message },
          'Pruning idempotency keys failed',
        ),
      );
    }, PRUNE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}

/** Housekeeping every service runs: old idempotency keys are pruned. */
@Module({ providers: [IdempotencyKeyJanitor] })
export class MaintenanceModule {}
