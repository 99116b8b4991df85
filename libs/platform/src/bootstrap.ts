import { DynamicModule, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { CustomTransportStrategy } from '@nestjs/microservices';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import { ConfigError } from './config';
import { CORRELATION_HEADER, correlationIdFrom } from './correlation';
import { CorrelationInterceptor } from './correlation.interceptor';
import { ContractExceptionFilter } from './errors';
import { configureLogging, createLogger, NestPinoLogger } from './logger';
import { httpRequests } from './metrics';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface ServiceDefinition {
  readonly name: string;
  readonly description: string;
  readonly port: number;
  readonly logLevel: string;
  readonly shutdownGraceMs: number;
  readonly module: DynamicModule;
  /** Resolved from the app, e.g. the RabbitMQ transport's class. */
  readonly transport?: abstract new (
    ...args: never[]
  ) => CustomTransportStrategy;
}

/** Builds the HTTP app with the contract's behaviour, without listening. */
export async function createServiceApp(
  definition: ServiceDefinition,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    definition.module,
    adapter,
    { logger: new NestPinoLogger(), abortOnError: false },
  );

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    const id = correlationIdFrom(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = id;
    void reply.header(CORRELATION_HEADER, id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    httpRequests.inc({
      method: request.method,
      route: request.routeOptions.url ?? 'unmatched',
      status: reply.statusCode,
    });
  });

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new ContractExceptionFilter());
  app.useGlobalInterceptors(new CorrelationInterceptor());

  const openApi = new DocumentBuilder()
    .setTitle(`${definition.name} service`)
    .setDescription(definition.description)
    .setVersion('1.0')
    .build();
  SwaggerModule.setup('docs', app, () =>
    SwaggerModule.createDocument(app, openApi),
  );

  if (definition.transport) {
    app.connectMicroservice(
      { strategy: app.get(definition.transport) },
      { inheritAppConfig: true },
    );
  }
  return app;
}

/**
 * Runs a service: validated configuration, HTTP, the message transport,
 * and a graceful shutdown on SIGTERM/SIGINT within the grace period.
 */
export function runService(define: () => ServiceDefinition): void {
  let definition: ServiceDefinition;
  try {
    definition = define();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  configureLogging(definition.name, definition.logLevel);
  void start(definition);
}

async function start(definition: ServiceDefinition): Promise<void> {
  const log = createLogger('Bootstrap');
  try {
    const app = await createServiceApp(definition);
    await app.startAllMicroservices();
    await app.listen({ port: definition.port, host: '0.0.0.0' });
    log.info({ port: definition.port }, 'Service started');
    handleSignals(app, definition.shutdownGraceMs);
  } catch (error) {
    log.fatal({ err: error }, 'Service failed to start');
    process.exit(1);
  }
}

function handleSignals(app: NestFastifyApplication, graceMs: number): void {
  const log = createLogger('Shutdown');
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    log.info(
      { signal, graceMs },
      'Shutting down: draining requests and messages',
    );
    const deadline = setTimeout(() => {
      log.error('Shutdown exceeded its grace period; exiting');
      process.exit(1);
    }, graceMs);
    deadline.unref();

    const dataSource = app.get(DataSource);
    await app.close();
    await dataSource.destroy();
    log.info('Shut down cleanly');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
