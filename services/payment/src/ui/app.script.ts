/**
 * The payment page's behaviour: pay a booking by card, then show every
 * payment and refund of it. Runs after the shared kit (`uiScript`).
 */
export const PAYMENT_SCRIPT = String.raw`
const MESSAGES = {
  RESERVATION_NOT_PAYABLE:
    'This booking is not awaiting payment: it is already paid, its hold ' +
    'has run out, or it is cancelled.',
  CARD_NUMBER_INVALID: 'The card number is not valid. Check the digits.',
  CARD_EXPIRED: 'The card has expired.',
};

const DECLINES = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
};

const payForm = byId('pay-form');
const ledgerForm = byId('ledger-form');

function onSubmit(form, work) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(form, work);
  });
}

function fillYears(select) {
  const year = new Date().getUTCFullYear();
  for (let offset = 0; offset <= 10; offset++) {
    select.append(h('option', {}, String(year + offset)));
  }
  select.value = String(year + 3);
}

function cardOf(form) {
  const values = valuesOf(form);
  return {
    number: values.number,
    expiryMonth: Number(values.expiryMonth),
    expiryYear: Number(values.expiryYear),
    cvc: values.cvc,
    holderName: values.holderName,
  };
}

async function pay() {
  const { locator, lastName } = valuesOf(payForm);
  const feedback = byId('pay-feedback');
  try {
    const payment = await api('POST', '/api/payments', {
      body: { locator, lastName, card: cardOf(payForm) },
      key: keyFor(payForm),
    });
    // The processor has answered: the card's secrets need not stay on screen.
    payForm.elements.number.value = '';
    payForm.elements.cvc.value = '';
    rememberBooking(payment.locator, lastName);
    fill(feedback, outcome(payment));
    ledgerForm.elements.locator.value = payment.locator;
    ledgerForm.elements.lastName.value = lastName;
    await showLedger(payment.locator, lastName);
  } catch (error) {
    showError(feedback, error, MESSAGES);
  }
}

function outcome(payment) {
  const paid = money(payment.amountCents, payment.currency);
  const card = payment.card.brand + ' •••• ' + payment.card.last4;
  if (payment.status === 'CAPTURED') {
    return h(
      'div',
      { class: 'alert alert-ok', id: 'payment-outcome', role: 'status' },
      h('p', { class: 'alert-title' }, 'Payment captured'),
      h('p', {}, paid + ' charged to ' + card + '. The booking is being ' +
        'confirmed. '),
      linkTo('reservation', 'Follow the booking'),
    );
  }
  const reason = DECLINES[payment.declineReason] || payment.declineReason;
  return h(
    'div',
    { class: 'alert alert-error', id: 'payment-outcome', role: 'status' },
    h('p', { class: 'alert-title' }, 'Payment declined'),
    h('p', {}, reason + ' Nothing was charged to ' + card + '.'),
    h('p', {}, 'The booking cannot be paid any more and its seats are ' +
      'released; book again to try another card. '),
    linkTo('reservation', 'Book again'),
  );
}

async function listLedger() {
  const { locator, lastName } = valuesOf(ledgerForm);
  await showLedger(locator, lastName);
}

async function showLedger(locator, lastName) {
  const feedback = byId('ledger-feedback');
  const ledger = byId('ledger');
  ledger.replaceChildren();
  try {
    const found = await api(
      'GET',
      '/api/payments?' + new URLSearchParams({ locator }),
      { lastName },
    );
    feedback.replaceChildren();
    fill(
      ledger,
      h('h3', {}, 'Payments of ' + found.locator),
      found.payments.length > 0
        ? table(['When', 'Status', 'Amount', 'Card'], found.payments.map(
          paymentRow,
        ))
        : h('p', { class: 'muted' }, 'No payment yet.'),
      h('h3', {}, 'Refunds'),
      found.refunds.length > 0
        ? table(['When', 'Amount', 'Why'], found.refunds.map(refundRow))
        : h('p', { class: 'muted' }, 'No refund.'),
    );
  } catch (error) {
    showError(feedback, error, MESSAGES);
  }
}

function table(headings, rows) {
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, headings.map((text) => h('th', {}, text)))),
    h('tbody', {}, rows),
  );
}

function paymentRow(payment) {
  const captured = payment.status === 'CAPTURED';
  return h(
    'tr',
    {},
    h('td', {}, dateTime(payment.createdAt)),
    h(
      'td',
      {},
      h('span', { class: 'badge badge-' + (captured ? 'ok' : 'bad') },
        captured ? 'Captured' : 'Declined'),
      payment.declineReason ? [h('br'), payment.declineReason] : null,
    ),
    h('td', {}, money(payment.amountCents, payment.currency)),
    h('td', {}, payment.card.brand + ' •••• ' + payment.card.last4),
  );
}

function refundRow(refund) {
  return h(
    'tr',
    {},
    h('td', {}, dateTime(refund.createdAt)),
    h('td', {}, money(refund.amountCents, refund.currency)),
    h('td', {}, refund.reason),
  );
}

for (const button of document.querySelectorAll('[data-card]')) {
  button.addEventListener('click', () => {
    payForm.elements.number.value = button.dataset.card;
    // As if typed: a new card number is a new payment, with a new key.
    payForm.elements.number.dispatchEvent(
      new Event('input', { bubbles: true }),
    );
    payForm.elements.number.focus();
  });
}
fillYears(payForm.elements.expiryYear);
onSubmit(payForm, pay);
onSubmit(ledgerForm, listLedger);
fillBooking(payForm);
fillBooking(ledgerForm);
`;
