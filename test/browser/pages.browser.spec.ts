import { Browser, PHONE, screenshot } from './browser';
import { flightOn, searchFlights } from './booking-steps';
import { GATEWAY_URL, SERVICE_URLS } from './stack';

const SERVICES = ['reservation', 'payment', 'cancellation'] as const;

const TITLES = {
  reservation: 'Book a flight',
  payment: 'Pay for a booking',
  cancellation: 'Cancel a booking',
};

describe('the pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await Browser.launch();
  });

  afterAll(() => browser.close());

  it('shows on the landing page that every service is ready', async () => {
    const { page, problems } = await browser.open(`${GATEWAY_URL}/`);

    await page.locator('.health[data-state="up"]').nth(2).waitFor();
    const states = await page
      .locator('.health')
      .evaluateAll((lines) =>
        lines.map((line) => line.getAttribute('data-state')),
      );
    expect(states).toEqual(['up', 'up', 'up']);
    await screenshot(page, '01-landing');

    await page.getByRole('link', { name: 'Pay for a booking' }).click();
    await page.waitForURL(`${GATEWAY_URL}/payment/`);
    expect(problems).toEqual([]);
  });

  it.each(SERVICES)(
    'serves the %s page with a policy against inline script',
    async (service) => {
      for (const url of [`${GATEWAY_URL}/${service}/`, SERVICE_URLS[service]]) {
        const page = await fetch(url);
        const script = await fetch(new URL('app.js', url));
        await Promise.all([page.text(), script.text()]);

        expect(page.headers.get('content-security-policy')).toContain(
          "script-src 'self'",
        );
        expect(page.headers.get('x-content-type-options')).toBe('nosniff');
        expect(script.headers.get('content-type')).toContain('text/javascript');
      }
    },
  );

  it.each(SERVICES)('redirects /%s to /%s/ at the gateway', async (service) => {
    const answer = await fetch(`${GATEWAY_URL}/${service}`, {
      redirect: 'manual',
    });
    await answer.text();

    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe(`/${service}/`);
  });

  it.each(SERVICES)(
    'works on the %s service own port, without the gateway',
    async (service) => {
      const { page, problems } = await browser.open(
        `${SERVICE_URLS[service]}/`,
      );

      await page
        .getByRole('heading', { level: 1, name: TITLES[service] })
        .waitFor();
      expect(await page.locator('nav').count()).toBe(0);
      if (service === 'reservation') {
        await searchFlights(page, await flightOn('LHR', 'CDG', 5));
      }
      expect(problems).toEqual([]);
    },
  );

  it('fits every page into a phone screen', async () => {
    const pages = {
      landing: `${GATEWAY_URL}/`,
      ...Object.fromEntries(
        SERVICES.map((service) => [service, `${GATEWAY_URL}/${service}/`]),
      ),
    };
    for (const [name, url] of Object.entries(pages)) {
      const { page, problems } = await browser.open(url, PHONE);
      if (name === 'reservation') {
        await searchFlights(page, await flightOn('LHR', 'JFK', 6));
      }

      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect({ name, width }).toEqual({ name, width: PHONE.width });
      await screenshot(page, `phone-${name}`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
