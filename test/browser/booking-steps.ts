import { Api, eventually } from '@airline/testing';
import type { Locator, Page } from 'playwright-core';

import { GATEWAY_URL } from './stack';

export const gateway = new Api(GATEWAY_URL);

export interface Flight {
  id: string;
  flightNumber: string;
  origin: string;
  destination: string;
  departureAt: string;
  fareCents: number;
  currency: string;
  seatsAvailable: number;
}

export interface Traveller {
  firstName: string;
  lastName: string;
  email: string;
}

const DAY = 86_400_000;

/** The one flight of a route on the day `daysAhead` from today (UTC). */
export async function flightOn(
  origin: string,
  destination: string,
  daysAhead: number,
): Promise<Flight> {
  const date = new Date(Date.now() + daysAhead * DAY)
    .toISOString()
    .slice(0, 10);
  const { status, body } = await gateway.get<Flight[]>(
    `/api/flights?origin=${origin}&destination=${destination}&date=${date}`,
  );
  expect(status).toBe(200);
  expect(body).toHaveLength(1);
  return body[0];
}

export async function seatsOf(flightId: string): Promise<number> {
  const { body } = await gateway.get<Flight>(`/api/flights/${flightId}`);
  return body.seatsAvailable;
}

/** Waits until the flight has `seats` left, as the API reports it. */
export async function expectSeatsBack(
  flight: Flight,
  seats = flight.seatsAvailable,
): Promise<void> {
  const left = await eventually(
    () => seatsOf(flight.id),
    (n) => n === seats,
  );
  expect(left).toBe(seats);
}

/** Amounts as the pages show them. */
export function euros(cents: number): string {
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'EUR',
  }).format(cents / 100);
}

/** Clicks a form's button and waits until the form is no longer busy. */
export async function submit(form: Locator, button: string): Promise<void> {
  await form.getByRole('button', { name: button, exact: true }).click();
  await form.and(form.page().locator(':not([aria-busy])')).waitFor();
}

export async function searchFlights(page: Page, flight: Flight): Promise<void> {
  const search = page.locator('#search-form');
  await search.getByLabel('From').selectOption(flight.origin);
  await search.getByLabel('To').selectOption(flight.destination);
  await search.getByLabel('Date (UTC)').fill(flight.departureAt.slice(0, 10));
  await submit(search, 'Search flights');
  await page
    .getByRole('button', { name: `Choose ${flight.flightNumber}` })
    .waitFor();
}

/** Chooses the flight found by `searchFlights` and types the passengers. */
export async function enterPassengers(
  page: Page,
  flight: Flight,
  travellers: Traveller[],
): Promise<Locator> {
  await page
    .getByRole('button', { name: `Choose ${flight.flightNumber}` })
    .click();
  const form = page.locator('#booking-form');
  await form
    .getByLabel('Number of passengers')
    .selectOption(String(travellers.length));
  for (const [index, traveller] of travellers.entries()) {
    const fields = form.getByRole('group', { name: `Passenger ${index + 1}` });
    await fields.getByLabel('First name').fill(traveller.firstName);
    await fields.getByLabel('Last name').fill(traveller.lastName);
    await fields.getByLabel('Email').fill(traveller.email);
  }
  return form;
}

/** Books the flight for the travellers; answers the booking's locator. */
export async function holdSeats(
  page: Page,
  flight: Flight,
  travellers: Traveller[],
): Promise<string> {
  const form = await enterPassengers(page, flight, travellers);
  await submit(form, 'Hold seats');
  await statusShown(page, 'AWAITING_PAYMENT');
  const locator = await page.locator('#locator').textContent();
  expect(locator).toMatch(/^[A-Z2-9]{6}$/);
  return locator ?? '';
}

/** Waits until the reservation page shows the status, polling on its own. */
export async function statusShown(page: Page, status: string): Promise<void> {
  await page
    .locator(`#booking-status[data-status="${status}"]`)
    .waitFor({ timeout: 20_000 });
}

export interface CardPayment {
  locator?: string;
  lastName?: string;
  /** Left as it is when not given, e.g. chosen from the test cards. */
  number?: string;
}

/** Fills the payment form (the booking only when given) and pays. */
export async function payByCard(
  page: Page,
  payment: CardPayment,
): Promise<string> {
  const form = page.locator('#pay-form');
  if (payment.locator !== undefined) {
    await form.getByLabel('Booking reference').fill(payment.locator);
  }
  if (payment.lastName !== undefined) {
    await form.getByLabel('Last name').fill(payment.lastName);
  }
  if (payment.number !== undefined) {
    await form.getByLabel('Card number').fill(payment.number);
  }
  await form.getByLabel('CVC').fill('123');
  await form.getByLabel('Name on card').fill('Ada Lovelace');
  await submit(form, 'Pay');
  return (await page.locator('#payment-outcome').textContent()) ?? '';
}
