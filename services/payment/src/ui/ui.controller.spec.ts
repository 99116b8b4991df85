import { Script } from 'node:vm';

import {
  FastifyAdapter,
  NestFastifyApplication,
} from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

import { UiController } from './ui.controller';

describe('payment UiController', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const module = await Test.createTestingModule({
      controllers: [UiController],
    }).compile();
    app = module.createNestApplication(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(() => app.close());

  it('serves the page with a policy that forbids inline script', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).not.toMatch(/<script>|\son\w+=/);
  });

  it('serves a script that parses and never writes markup', async () => {
    const script = await app.inject({ method: 'GET', url: '/app.js' });

    expect(() => new Script(script.body)).not.toThrow();
    expect(script.body).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/,
    );
  });
});
