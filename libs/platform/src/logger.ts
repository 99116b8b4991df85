import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';

import { activeCorrelation } from './correlation';

let root: Logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

/** Sets up the process's JSON logger; call once, before anything logs. */
export function configureLogging(service: string, level: string): Logger {
  root = pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = activeCorrelation()?.correlationId;
      return correlationId ? { correlationId } : {};
    },
  });
  return root;
}

/**
 * A child logger named for the class or component that logs. Loggers made
 * at import time, before `configureLogging`, follow the configured root.
 */
export function createLogger(context: string): Logger {
  let parent: Logger | undefined;
  let child: Logger = root;
  const current = (): Logger => {
    if (parent !== root) {
      parent = root;
      child = root.child({ context });
    }
    return child;
  };
  return new Proxy({} as Logger, {
    get(_, property) {
      const logger = current();
      const value = Reflect.get(logger, property, logger);
      return typeof value === 'function' ? value.bind(logger) : value;
    },
  });
}

/** Routes Nest's own log lines into the same JSON stream. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, context?: string): void {
    root.info({ context }, String(message));
  }
  error(message: unknown, stack?: string, context?: string): void {
    root.error({ context, stack }, String(message));
  }
  warn(message: unknown, context?: string): void {
    root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    root.trace({ context }, String(message));
  }
}
