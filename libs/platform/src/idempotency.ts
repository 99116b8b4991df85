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
import { from, Observable } from 'rxjs';
import type { QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';

import { createLogger } from './logger';
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
 * database, so every replica sees them.
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
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, state)
       VALUES ($1, $2, $3, 'IN_PROGRESS')
       ON CONFLICT DO NOTHING RETURNING key`,
      [scope, key, hash],
    );
    if (claimed.length === 0) {
      return this.replay(scope, key, hash);
    }

    try {
      const body = await lastValue(next.handle());
      await this.complete(scope, key, status, body);
      return body;
    } catch (error) {
      await this.settleFailure(scope, key, error);
      throw error;
    }
  }

  private async replay(
    scope: string,
    key: string,
    hash: string,
  ): Promise<unknown> {
    const [stored]: StoredKey[] = await this.dataSource.query(
      `SELECT request_hash, state, status_code, response_body
       FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    if (!stored) {
      // Released by a failed first attempt between our insert and select.
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
    if (stored.state === 'IN_PROGRESS') {
      throw new ConflictError(
        'REQUEST_IN_PROGRESS',
        'A request with this Idempotency-Key is still running; retry shortly.',
      );
    }
    const body = JSON.parse(stored.response_body ?? 'null');
    const status = stored.status_code ?? HttpStatus.OK;
    if (status >= 400) {
      throw new ReplayedError(status, body.code, body.message);
    }
    return body;
  }

  private async complete(
    scope: string,
    key: string,
    status: number,
    body: unknown,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
       SET state = 'COMPLETED', status_code = $3, response_body = $4,
           completed_at = now()
       WHERE scope = $1 AND key = $2`,
      [scope, key, status, JSON.stringify(body ?? null)],
    );
  }

  /**
   * A refusal (4xx) is the request's answer and is kept for replays; any
   * other failure frees the key so that the client may try again.
   */
  private async settleFailure(
    scope: string,
    key: string,
    error: unknown,
  ): Promise<void> {
    if (error instanceof DomainError && error.status < 500) {
      await this.complete(scope, key, error.status, {
        code: error.code,
        message: error.message,
      });
      return;
    }
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
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

function lastValue<T>(source: Observable<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let last: T;
    source.subscribe({
      next: (value) => (last = value),
      error: reject,
      complete: () => resolve(last),
    });
  });
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
