import { CARDS, eventually } from '@airline/testing';

import {
  enterPassengers,
  euros,
  expectSeatsBack,
  flightOn,
  gateway,
  holdSeats,
  payByCard,
  searchFlights,
  seatsOf,
  statusShown,
  submit,
} from './booking-steps';
import { Browser, screenshot } from './browser';
import { GATEWAY_URL } from './stack';

const ADA = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
};
const ZOE = {
  firstName: 'Zoë',
  lastName: "O'Brien",
  email: 'zoe@example.com',
};

describe('the booking journey in a browser, through the gateway', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await Browser.launch();
  });

  afterAll(() => browser.close());

  it('books two, pays, sees CONFIRMED, then cancels with a full refund', async () => {
    const flight = await flightOn('LHR', 'JFK', 7);
    const total = euros(2 * flight.fareCents);
    const booking = await browser.open(`${GATEWAY_URL}/reservation/`);

    await searchFlights(booking.page, flight);
    await screenshot(booking.page, '02-reservation-search');
    const locator = await holdSeats(booking.page, flight, [ADA, ZOE]);
    await booking.page.evaluate('window.sameDocument = true');
    await screenshot(booking.page, '03-reservation-awaiting-payment');

    expect(await seatsOf(flight.id)).toBe(flight.seatsAvailable - 2);
    expect(await booking.page.locator('#booked-passengers').innerText()).toBe(
      "Ada Lovelace\nZoë O'Brien",
    );

    const payment = await browser.open(`${GATEWAY_URL}/payment/`);
    await payment.page
      .getByRole('button', { name: `Use card ${CARDS.captured}` })
      .click();
    const paid = await payByCard(payment.page, {
      locator: locator.toLowerCase(),
      lastName: "o'brien",
    });

    expect(paid).toContain('Payment captured');
    expect(paid).toContain(`${total} charged to visa •••• 4242`);
    await payment.page.locator('#ledger table').first().waitFor();
    await screenshot(payment.page, '04-payment-captured');

    await statusShown(booking.page, 'CONFIRMED');
    expect(await booking.page.locator('#booking-status').innerText()).toBe(
      'Confirmed',
    );
    expect(await booking.page.evaluate('window.sameDocument')).toBe(true);
    await screenshot(booking.page, '05-reservation-confirmed');

    // The cancellation service learns of the payment by event, shortly after.
    await eventually(
      () =>
        gateway.get(`/api/cancellations/quote?locator=${locator}`, {
          'x-last-name': 'Lovelace',
        }),
      (answer) => answer.body.paid === true,
    );
    const cancellation = await browser.open(`${GATEWAY_URL}/cancellation/`);
    const quote = cancellation.page.locator('#quote-form');
    await quote.getByLabel('Booking reference').fill(locator);
    await quote.getByLabel('Last name').fill('lovelace');
    await quote.getByLabel('Reason (optional)').fill('Plans changed');
    await submit(quote, 'Check refund');

    const policy = cancellation.page.locator('#refund-policy');
    expect(await policy.getAttribute('data-policy')).toBe('FULL');
    expect(await policy.innerText()).toBe('Full refund');
    expect(await cancellation.page.locator('#refund-amount').innerText()).toBe(
      total,
    );
    await screenshot(cancellation.page, '06-cancellation-quote');

    await cancellation.page
      .getByRole('button', { name: 'Cancel booking' })
      .click();
    const outcome = cancellation.page.locator('#outcome');
    await cancellation.page
      .locator('#outcome[data-status="COMPLETED"]')
      .waitFor({ timeout: 20_000 });
    expect(await outcome.innerText()).toContain(`${total} refunded`);
    await screenshot(cancellation.page, '07-cancellation-completed');

    await statusShown(booking.page, 'CANCELLED');
    await screenshot(booking.page, '08-reservation-cancelled');
    await expectSeatsBack(flight);

    await submit(payment.page.locator('#ledger-form'), 'Show payments');
    const ledger = await payment.page.locator('#ledger').innerText();
    expect(ledger).toMatch(new RegExp(`${total}\\s+cancellation`));
    await screenshot(payment.page, '09-payment-refunded');

    for (const tab of [booking, payment, cancellation]) {
      expect(tab.problems).toEqual([]);
    }
  });

  it('declines 4000 0000 0000 0002, fails the booking and frees its seats', async () => {
    const flight = await flightOn('CDG', 'FRA', 8);
    const { page, problems } = await browser.open(
      `${GATEWAY_URL}/reservation/`,
    );
    await searchFlights(page, flight);
    const locator = await holdSeats(page, flight, [ADA]);

    await page.getByRole('link', { name: 'Pay for this booking' }).click();
    await page.waitForURL('**/payment/');
    const form = page.locator('#pay-form');
    expect(await form.getByLabel('Booking reference').inputValue()).toBe(
      locator,
    );
    const outcome = await payByCard(page, { number: CARDS.declined });

    expect(outcome).toContain('Payment declined');
    expect(outcome).toContain('The card was declined.');
    await screenshot(page, '10-payment-declined');

    await page.getByRole('link', { name: 'Book again' }).click();
    await page.waitForURL('**/reservation/');
    await submit(page.locator('#lookup-form'), 'Find booking');
    await statusShown(page, 'PAYMENT_FAILED');
    expect(await page.locator('#booking-status').innerText()).toBe(
      'Payment failed',
    );
    await screenshot(page, '11-reservation-payment-failed');

    await expectSeatsBack(flight);
    expect(problems).toEqual([]);
  });

  it('keeps what was typed when the passenger count changes', async () => {
    const flight = await flightOn('MAD', 'AMS', 9);
    const { page } = await browser.open(`${GATEWAY_URL}/reservation/`);
    await searchFlights(page, flight);
    const form = await enterPassengers(page, flight, [ADA, ZOE]);

    await form.getByLabel('Number of passengers').selectOption('3');
    await form.getByLabel('Number of passengers').selectOption('2');

    const second = form.getByRole('group', { name: 'Passenger 2' });
    expect(await second.getByLabel('First name').inputValue()).toBe('Zoë');
    expect(await form.getByRole('group').count()).toBe(2);
  });
});
