import { BOOKING_FIELDS, renderPage } from '@airline/platform';

/** The contract's sandbox cards and what the simulated processor does. */
export const TEST_CARDS: readonly (readonly [string, string])[] = [
  ['4242 4242 4242 4242', 'Captured'],
  ['4000 0000 0000 0002', 'Declined (card declined)'],
  ['4000 0000 0000 9995', 'Declined (insufficient funds)'],
];

const MONTHS = Array.from({ length: 12 }, (_, i) => {
  const month = String(i + 1).padStart(2, '0');
  return `<option value="${i + 1}">${month}</option>`;
}).join('');

const CARD_ROWS = TEST_CARDS.map(
  ([number, outcome]) => `<tr>
              <td><code>${number}</code></td>
              <td>${outcome}</td>
              <td><button type="button" class="secondary" data-card="${number}"
                aria-label="Use card ${number}">Use</button></td>
            </tr>`,
).join('\n            ');

const MAIN = `
      <section class="panel" aria-labelledby="pay-title">
        <h2 id="pay-title">Pay by card</h2>
        <form id="pay-form">
          <fieldset>
            <legend>Booking</legend>
            ${BOOKING_FIELDS}
          </fieldset>
          <fieldset>
            <legend>Card</legend>
            <div class="fields">
              <label class="wide">Card number
                <input name="number" required inputmode="numeric"
                  autocomplete="cc-number" maxlength="23"
                  placeholder="4242 4242 4242 4242">
              </label>
              <label>Expiry month
                <select name="expiryMonth" autocomplete="cc-exp-month">
                  ${MONTHS}
                </select>
              </label>
              <label>Expiry year
                <select name="expiryYear" autocomplete="cc-exp-year"></select>
              </label>
              <label>CVC
                <input name="cvc" required inputmode="numeric"
                  autocomplete="cc-csc" minlength="3" maxlength="4"
                  pattern="[0-9]{3,4}">
              </label>
              <label class="wide">Name on card
                <input name="holderName" required maxlength="100"
                  autocomplete="cc-name">
              </label>
            </div>
          </fieldset>
          <button type="submit">Pay</button>
        </form>
        <div id="pay-feedback" aria-live="polite"></div>
      </section>

      <section class="panel" aria-labelledby="cards-title">
        <h2 id="cards-title">Test cards</h2>
        <p class="hint">A sandbox: no real card is charged. Any future expiry
          date and any 3-digit CVC will do.</p>
        <table>
          <thead>
            <tr><th>Number</th><th>Outcome</th><th></th></tr>
          </thead>
          <tbody>
            ${CARD_ROWS}
          </tbody>
        </table>
      </section>

      <section class="panel" aria-labelledby="ledger-title">
        <h2 id="ledger-title">Payments and refunds of a booking</h2>
        <form id="ledger-form">
          ${BOOKING_FIELDS}
          <button type="submit" class="secondary">Show payments</button>
        </form>
        <div id="ledger-feedback" aria-live="polite"></div>
        <div id="ledger"></div>
      </section>`;

export function paymentPage(behindGateway: boolean): string {
  return renderPage({
    service: 'payment',
    title: 'Pay for a booking',
    main: MAIN,
    behindGateway,
  });
}
