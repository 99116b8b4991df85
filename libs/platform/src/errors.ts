import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { CORRELATION_HEADER, correlationIdFrom } from './correlation';
import { createLogger } from './logger';

/**
 * A business rule said no. Carries the contract's stable code and the HTTP
 * status it maps to, so services throw facts and this file answers them.
 */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(HttpStatus.NOT_FOUND, code, message);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(HttpStatus.CONFLICT, code, message);
  }
}

export class UnprocessableError extends DomainError {
  constructor(code: string, message: string) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
  }
}

export class BadRequestError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly errors?: string[],
  ) {
    super(HttpStatus.BAD_REQUEST, code, message);
  }
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  correlationId: string;
  errors?: string[];
}

const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

const fastifyCodes: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_JSON',
    message: 'The request body is empty but declared as JSON.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'The request body is larger than 64 KiB.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Send the request body as application/json.',
  },
};

const log = createLogger('ErrorFilter');

/** Turns anything thrown while serving a request into the contract's JSON. */
export function toErrorBody(error: unknown, correlationId: string): ErrorBody {
  if (error instanceof DomainError) {
    const errors = error instanceof BadRequestError ? error.errors : undefined;
    return {
      statusCode: error.status,
      code: error.code,
      message: error.message,
      correlationId,
      ...(errors ? { errors } : {}),
    };
  }
  // Nest wraps Fastify's own errors (bad JSON, body too large) as causes.
  const fastify =
    fastifyError(error) ??
    (error instanceof HttpException ? fastifyError(error.cause) : undefined);
  if (error instanceof HttpException && !fastify) {
    return fromHttpException(error, correlationId);
  }
  if (fastify) {
    return { ...fastify, correlationId };
  }
  log.error({ err: error }, 'Request failed with an unexpected error');
  return {
    statusCode: 500,
    code: 'INTERNAL_ERROR',
    message: 'Something went wrong on our side; it has been logged.',
    correlationId,
  };
}

function fromHttpException(
  error: HttpException,
  correlationId: string,
): ErrorBody {
  const status = error.getStatus();
  const response = error.getResponse();
  const messages =
    typeof response === 'object' && response !== null
      ? (response as { message?: unknown }).message
      : undefined;
  if (Array.isArray(messages)) {
    return {
      statusCode: status,
      code: 'VALIDATION_FAILED',
      message: 'The request is invalid.',
      correlationId,
      errors: messages.map(String),
    };
  }
  return {
    statusCode: status,
    code: codeByStatus[status] ?? `HTTP_${status}`,
    message: typeof messages === 'string' ? messages : error.message,
    correlationId,
  };
}

function fastifyError(
  error: unknown,
): Omit<ErrorBody, 'correlationId'> | undefined {
  const candidate = error as { code?: unknown; statusCode?: unknown };
  if (typeof candidate?.statusCode !== 'number') {
    return undefined;
  }
  const status = candidate.statusCode;
  const known =
    typeof candidate.code === 'string'
      ? fastifyCodes[candidate.code]
      : undefined;
  if (known) {
    return { statusCode: status, ...known };
  }
  if (status >= 400 && status < 500 && !(error instanceof HttpException)) {
    return {
      statusCode: status,
      code: codeByStatus[status] ?? `HTTP_${status}`,
      message: 'The request cannot be processed.',
    };
  }
  return undefined;
}

export function replyWithError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const correlationId = correlationIdFrom(request.headers[CORRELATION_HEADER]);
  const body = toErrorBody(error, correlationId);
  void reply
    .code(body.statusCode)
    .header(CORRELATION_HEADER, correlationId)
    .type('application/json; charset=utf-8')
    .send(body);
}

/** Nest's side of the mapping: every exception a controller lets out. */
@Catch()
export class ContractExceptionFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      throw error;
    }
    const http = host.switchToHttp();
    replyWithError(
      error,
      http.getRequest<FastifyRequest>(),
      http.getResponse<FastifyReply>(),
    );
  }
}
