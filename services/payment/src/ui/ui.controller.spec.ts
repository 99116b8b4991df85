import { checkPageIsSafe, startControllerApp } from '@airline/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { UiController } from './ui.controller';

describe('payment page', () => {
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
});
