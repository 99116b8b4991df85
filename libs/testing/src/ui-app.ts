import { Script } from 'node:vm';

import type { Type } from '@nestjs/common';
import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

/** An app with just the given controller, for `app.inject` requests. */
export async function startControllerApp(
  controller: Type<unknown>,
): Promise<NestFastifyApplication> {
  const module = await Test.createTestingModule({
    controllers: [controller],
  }).compile();
  const app = module.createNestApplication<NestFastifyApplication>(
    new FastifyAdapter(),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const MARKUP_WRITERS =
  /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/;

/** What every service page must hold to: no inline script, no markup writes. */
export async function checkPageIsSafe(
  app: NestFastifyApplication,
): Promise<{ inlineScript: boolean; markupWriters: boolean; parses: boolean }> {
  const page = await app.inject({ method: 'GET', url: '/' });
  const script = await app.inject({ method: 'GET', url: '/app.js' });
  let parses = true;
  try {
    new Script(script.body);
  } catch {
    parses = false;
  }
  return {
    inlineScript: /<script>|\son\w+=/.test(page.body),
    markupWriters: MARKUP_WRITERS.test(script.body),
    parses,
  };
}
