import { passengers } from '@airline/testing';
import type { Locator } from 'playwright-core';

import {
  enterPassengers,
  flightOn,
  gateway,
  searchFlights,
  seatsOf,
  submit,
} from './booking-steps';
import { Browser, screenshot } from './browser';
import { GATEWAY_URL } from './stack';

const NOT_FOUND = 'No booking matches this booking reference and last name.';

async function lookUp(
  form: Locator,
  button: string,
  locator: string,
  lastName: string,
): Promise<void> {
  await form.getByLabel('Booking reference').fill(locator);
  await form.getByLabel('Last name').fill(lastName);
  await submit(form, button);
}

describe('what the pages show of what users type', () => {
  let browser: Browser;
  let locator: string;

  beforeAll(async () => {
    browser = await Browser.launch();
    const flight = await flightOn('AMS', 'MAD', 9);
    const booked = await gateway.post<{ locator: string }>(
      '/api/reservations',
      { flightId: flight.id, passengers: passengers(1, 'Lovelace') },
    );
    expect(booked.status).toBe(201);
    locator = booked.body.locator;
  });

  afterAll(() => browser.close());

  it('answers a wrong last name exactly as an unknown booking', async () => {
    const { page, problems } = await browser.open(
      `${GATEWAY_URL}/reservation/`,
    );
    const form = page.locator('#lookup-form');
    const alert = page.locator('#lookup-feedback [role="alert"] .alert-title');

    await lookUp(form, 'Find booking', locator, 'Babbage');
    const wrongName = await alert.innerText();
    await screenshot(page, '12-reservation-not-found');
    await lookUp(form, 'Find booking', 'ZZZZZZ', 'Lovelace');
    const unknown = await alert.innerText();

    expect(wrongName).toBe(NOT_FOUND);
    expect(unknown).toBe(wrongName);
    expect(await page.locator('#booking-panel').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('answers a wrong last name on the cancellation page the same way', async () => {
    const { page, problems } = await browser.open(
      `${GATEWAY_URL}/cancellation/`,
    );
    const form = page.locator('#quote-form');
    const alert = page.locator('#quote-feedback [role="alert"] .alert-title');

    await lookUp(form, 'Check refund', locator, 'Babbage');
    const wrongName = await alert.innerText();
    await lookUp(form, 'Check refund', 'ZZZZZZ', 'Lovelace');
    const unknown = await alert.innerText();

    expect(wrongName).toBe(NOT_FOUND);
    expect(unknown).toBe(wrongName);
    expect(await page.locator('#quote-panel').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows a passenger named <script> as text and runs nothing', async () => {
    const flight = await flightOn('FCO', 'DXB', 10);
    const { page, problems } = await browser.open(
      `${GATEWAY_URL}/reservation/`,
    );
    await searchFlights(page, flight);
    const form = await enterPassengers(page, flight, [
      {
        firstName: '<script>alert(1)</script>',
        lastName: 'Lovelace',
        email: 'ada@example.com',
      },
      {
        firstName: '<img src=x onerror=alert(2)>',
        lastName: 'Lovelace',
        email: 'zoe@example.com',
      },
    ]);

    await submit(form, 'Hold seats');

    const feedback = page.locator('#booking-feedback');
    const first = feedback.getByText('(<script>alert(1)</script> Lovelace)');
    const second = feedback.getByText(
      '(<img src=x onerror=alert(2)> Lovelace)',
    );
    expect(await first.isVisible()).toBe(true);
    expect(await second.isVisible()).toBe(true);
    expect(await feedback.locator('script, img').count()).toBe(0);
    expect(await feedback.innerText()).toContain('first name: must be a name');
    expect(await seatsOf(flight.id)).toBe(flight.seatsAvailable);
    await screenshot(page, '13-reservation-script-as-text');
    expect(problems).toEqual([]);
  });
});
