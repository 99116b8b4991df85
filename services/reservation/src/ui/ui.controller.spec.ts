import { checkPageIsSafe, startControllerApp } from '@airline/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { TIMETABLE } from '../flights/routes';
import { AIRPORTS } from './page';
import { UiController } from './ui.controller';

describe('reservation page', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await startControllerApp(UiController);
  });

  afterAll(() => app.close());

  it('has no inline script and a script that never writes markup', async () => {
    const check = await checkPageIsSafe(app);

    expect(check).toEqual({
      inlineScript: false,
      markupWriters: false,
      parses: true,
    });
  });

  it('links the other UIs only when served through the gateway', async () => {
    const direct = await app.inject({ method: 'GET', url: '/' });
    const proxied = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-prefix': '/reservation' },
    });

    expect(direct.body).not.toContain('href="../payment/"');
    expect(proxied.body).toContain('href="../payment/"');
  });

  it('offers every airport of the timetable', () => {
    const codes = AIRPORTS.map(([code]) => code).sort();
    const served = new Set(TIMETABLE.flatMap((r) => [r.origin, r.destination]));

    expect(codes).toEqual([...served].sort());
  });
});
