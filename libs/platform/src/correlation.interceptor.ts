import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';

import {
  CORRELATION_HEADER,
  correlationIdFrom,
  runWithCorrelation,
} from './correlation';

/** Runs each HTTP handler inside its request's correlation context. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const correlationId = correlationIdFrom(
      request.headers[CORRELATION_HEADER],
    );
    return new Observable((subscriber) =>
      runWithCorrelation({ correlationId, causationId: null }, () =>
        next.handle().subscribe(subscriber),
      ),
    );
  }
}
