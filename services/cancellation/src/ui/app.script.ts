/**
 * The cancellation page's behaviour: quote the refund, cancel only once the
 * customer has seen it, then poll the cancellation until it is decided.
 * Runs after the shared kit (`uiScript`).
 */
export const CANCELLATION_SCRIPT = String.raw`
const MESSAGES = {
  CANCELLATION_NOT_FOUND: 'This cancellation can no longer be found.',
};

const POLICIES = {
  FULL: ['Full refund', 'ok'],
  PARTIAL: ['Half refunded', 'warn'],
  NONE: ['No refund', 'bad'],
};

const REJECTIONS = {
  ALREADY_CANCELLED: 'This booking is already cancelled.',
  NOT_CANCELLABLE:
    'This booking can no longer be cancelled: its payment failed or its ' +
    'hold ran out, and its seats are already released.',
  FLIGHT_DEPARTED: 'The flight has already left.',
};

const quoteForm = byId('quote-form');
const actions = byId('quote-actions');
let request = null;
let stopFollowing = () => {};

function policyBadge(policy) {
  const [label, tone] = POLICIES[policy] || [policy, 'warn'];
  return h(
    'span',
    {
      class: 'badge badge-' + tone,
      id: 'refund-policy',
      'data-policy': policy,
    },
    label,
  );
}

async function fetchQuote() {
  const values = valuesOf(quoteForm);
  const feedback = byId('quote-feedback');
  stopFollowing();
  byId('quote-panel').hidden = true;
  byId('outcome-panel').hidden = true;
  try {
    const quote = await api(
      'GET',
      '/api/cancellations/quote?' +
        new URLSearchParams({ locator: values.locator.toUpperCase() }),
      { lastName: values.lastName },
    );
    feedback.replaceChildren();
    request = {
      locator: quote.locator,
      lastName: values.lastName,
      ...(values.reason ? { reason: values.reason } : {}),
    };
    rememberBooking(quote.locator, values.lastName);
    showQuote(quote);
  } catch (error) {
    showError(feedback, error, MESSAGES);
  }
}

function showQuote(quote) {
  const refund = money(quote.refundAmountCents, quote.currency);
  fill(
    byId('quote'),
    h(
      'dl',
      {},
      term('Booking', h('code', {}, quote.locator)),
      term('Departs', dateTime(quote.departureAt)),
      term('Refund policy', policyBadge(quote.refundPolicy),
        ' ' + quote.refundPercent + ' %'),
      term('You get back', h('strong', { id: 'refund-amount' }, refund)),
    ),
    explanation(quote),
  );
  actions.hidden = !quote.cancellable;
  byId('quote-panel').hidden = false;
  byId('quote-panel').scrollIntoView({ block: 'start' });
}

function explanation(quote) {
  if (!quote.cancellable) {
    return h(
      'p',
      { class: 'alert alert-error' },
      REJECTIONS[quote.rejectionReason] || quote.rejectionReason,
    );
  }
  if (!quote.paid) {
    return h(
      'p',
      { class: 'alert alert-info' },
      'This booking is not paid, so nothing is refunded. Cancelling ' +
        'releases its seats.',
    );
  }
  return h(
    'p',
    { class: 'alert alert-warn' },
    'Cancelling releases the seats and cannot be undone.',
  );
}

async function confirmCancel() {
  const feedback = byId('quote-feedback');
  try {
    const cancellation = await api('POST', '/api/cancellations', {
      body: request,
      key: keyFor(quoteForm),
    });
    byId('quote-panel').hidden = true;
    follow(cancellation, request.lastName);
  } catch (error) {
    showError(feedback, error, MESSAGES);
  }
}

/** Polls the cancellation every second until it is decided. */
function follow(cancellation, lastName) {
  const path = '/api/cancellations/' + encodeURIComponent(cancellation.id);
  byId('outcome-panel').hidden = false;
  showOutcome(cancellation);
  stopFollowing();
  stopFollowing = every(1000, async () => {
    const current = await api('GET', path, { lastName });
    showOutcome(current);
    return current.status !== 'REQUESTED';
  });
}

function showOutcome(cancellation) {
  const outcome = byId('outcome');
  outcome.dataset.status = cancellation.status;
  if (cancellation.status === 'REQUESTED') {
    showNotice(
      outcome,
      'Cancelling: waiting for the booking to be cancelled and refunded…',
    );
    return;
  }
  if (cancellation.status === 'REJECTED') {
    fill(
      outcome,
      h(
        'div',
        { class: 'alert alert-error', role: 'status' },
        h('p', { class: 'alert-title' }, 'Not cancelled'),
        h('p', {}, REJECTIONS[cancellation.rejectionReason] ||
          cancellation.rejectionReason),
      ),
    );
    return;
  }
  const refund = money(cancellation.refundAmountCents, cancellation.currency);
  fill(
    outcome,
    h(
      'div',
      { class: 'alert alert-ok', role: 'status' },
      h('p', { class: 'alert-title' }, 'Booking cancelled'),
      h(
        'p',
        {},
        cancellation.refundAmountCents > 0
          ? refund + ' refunded to the card that paid. '
          : 'Nothing was refunded. ',
        'Refund policy: ',
        policyBadge(cancellation.refundPolicy),
      ),
      h('p', {}, linkTo('payment', 'See payments and refunds')),
    ),
  );
}

quoteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void whileBusy(quoteForm, fetchQuote);
});
byId('confirm-cancel').addEventListener('click', () => {
  void whileBusy(actions, confirmCancel);
});
byId('keep-booking').addEventListener('click', () => {
  byId('quote-panel').hidden = true;
  showNotice(byId('quote-feedback'), 'Nothing changed: the booking stands.');
});
fillBooking(quoteForm);
`;
