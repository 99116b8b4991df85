/**
 * The reservation page's behaviour: search, choose, hold seats, then follow
 * the booking's status by polling until it can change no more. Runs after
 * the shared kit (`uiScript`), whose helpers it uses.
 */
export const RESERVATION_SCRIPT = String.raw`
const MESSAGES = {
  FLIGHT_NOT_FOUND: 'This flight no longer exists. Search again.',
  FLIGHT_DEPARTED: 'This flight has already left. Choose a later one.',
  SEATS_UNAVAILABLE:
    'Not enough seats are left on this flight for every passenger.',
};

const STATUSES = {
  AWAITING_PAYMENT: ['Awaiting payment', 'warn'],
  CONFIRMED: ['Confirmed', 'ok'],
  PAYMENT_FAILED: ['Payment failed', 'bad'],
  EXPIRED: ['Expired', 'bad'],
  CANCELLED: ['Cancelled', 'bad'],
};

/** Statuses nothing can change any more: polling stops at them. */
const FINAL = ['PAYMENT_FAILED', 'EXPIRED', 'CANCELLED'];

const searchForm = byId('search-form');
const bookingForm = byId('booking-form');
const lookupForm = byId('lookup-form');
let chosenFlight = null;
let stopWatching = () => {};

function dayFromNow(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

function route(flight) {
  return flight.flightNumber + ' ' + flight.origin + ' → ' +
    flight.destination;
}

function statusLabel(status) {
  return (STATUSES[status] || [status])[0];
}

function onSubmit(form, work) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void whileBusy(form, work);
  });
}

async function search() {
  const { origin, destination, date } = valuesOf(searchForm);
  const feedback = byId('search-feedback');
  const list = byId('flights');
  list.replaceChildren();
  if (origin === destination) {
    showNotice(feedback, 'Choose two different airports.', 'error');
    return;
  }
  showNotice(feedback, 'Searching…');
  try {
    const query = new URLSearchParams({ origin, destination, date });
    const flights = await api('GET', '/api/flights?' + query);
    if (flights.length === 0) {
      showNotice(feedback, 'No flight on this route that day.', 'warn');
      return;
    }
    feedback.replaceChildren();
    list.replaceChildren(...flights.map(flightCard));
  } catch (error) {
    showError(feedback, error, MESSAGES);
  }
}

function flightCard(flight) {
  const soldOut = flight.seatsAvailable === 0;
  const choose = h(
    'button',
    { type: 'button', class: 'secondary', disabled: soldOut },
    soldOut ? 'Sold out' : 'Choose ' + flight.flightNumber,
  );
  const card = h(
    'li',
    { class: 'card', 'data-flight-id': flight.id },
    h(
      'div',
      {},
      h('p', {}, h('strong', {}, route(flight))),
      h(
        'p',
        { class: 'muted' },
        dateTime(flight.departureAt) + ' – ' + dateTime(flight.arrivalAt),
      ),
    ),
    h(
      'div',
      {},
      h(
        'p',
        {},
        h('strong', {}, money(flight.fareCents, flight.currency)),
        ' per passenger',
      ),
      h('p', { class: 'muted' }, flight.seatsAvailable + ' seats left'),
    ),
    choose,
  );
  choose.addEventListener('click', () => chooseFlight(flight, card));
  return card;
}

function chooseFlight(flight, card) {
  chosenFlight = flight;
  for (const other of byId('flights').children) {
    other.removeAttribute('aria-current');
  }
  card.setAttribute('aria-current', 'true');
  byId('chosen-flight').textContent =
    route(flight) + ', ' + dateTime(flight.departureAt) + ', ' +
    money(flight.fareCents, flight.currency) + ' per passenger';
  byId('passengers-panel').hidden = false;
  byId('booking-feedback').replaceChildren();
  renderPassengerFields();
  bookingForm.querySelector('input').focus();
}

/** Adds or removes fieldsets to match the count, keeping what was typed. */
function renderPassengerFields() {
  const container = byId('passenger-fields');
  const count = Number(bookingForm.elements.count.value);
  while (container.children.length > count) {
    container.lastElementChild.remove();
  }
  while (container.children.length < count) {
    container.append(passengerFields(container.children.length + 1));
  }
}

function passengerFields(number) {
  const first = number === 1;
  return h(
    'fieldset',
    {},
    h('legend', {}, 'Passenger ' + number),
    h(
      'label',
      {},
      'First name',
      h('input', {
        name: 'firstName',
        required: true,
        maxlength: 100,
        autocomplete: first ? 'given-name' : 'off',
      }),
    ),
    h(
      'label',
      {},
      'Last name',
      h('input', {
        name: 'lastName',
        required: true,
        maxlength: 100,
        autocomplete: first ? 'family-name' : 'off',
      }),
    ),
    h(
      'label',
      {},
      'Email',
      h('input', {
        name: 'email',
        type: 'email',
        required: true,
        maxlength: 254,
        autocomplete: first ? 'email' : 'off',
      }),
    ),
  );
}

function passengersTyped() {
  return Array.from(byId('passenger-fields').children, (fieldset) => {
    const value = (name) => fieldset.querySelector('[name=' + name + ']')
      .value.trim();
    return {
      firstName: value('firstName'),
      lastName: value('lastName'),
      email: value('email'),
    };
  });
}

/** Names the passenger an error is about, as typed, to find it quickly. */
function passengerLabel(path, passengers) {
  const match = /^passengers\.(\d+)\.(\w+)$/.exec(path);
  if (!match) {
    return null;
  }
  const index = Number(match[1]);
  const typed = passengers[index] || {};
  const name = [typed.firstName, typed.lastName].filter(Boolean).join(' ');
  return 'Passenger ' + (index + 1) + (name ? ' (' + name + ')' : '') +
    ', ' + defaultLabel(match[2]).toLowerCase();
}

async function book() {
  const feedback = byId('booking-feedback');
  const passengers = passengersTyped();
  try {
    const reservation = await api('POST', '/api/reservations', {
      body: { flightId: chosenFlight.id, passengers },
      key: keyFor(bookingForm),
    });
    feedback.replaceChildren();
    watch(reservation, passengers[0].lastName, chosenFlight);
  } catch (error) {
    showError(feedback, error, MESSAGES, (path) =>
      passengerLabel(path, passengers),
    );
  }
}

async function lookup() {
  const { locator, lastName } = valuesOf(lookupForm);
  const feedback = byId('lookup-feedback');
  stopWatching();
  byId('booking-panel').hidden = true;
  try {
    const reservation = await api(
      'GET',
      '/api/reservations/' + encodeURIComponent(locator.toUpperCase()),
      { lastName },
    );
    feedback.replaceChildren();
    watch(reservation, lastName, null);
  } catch (error) {
    showError(feedback, error, MESSAGES);
  }
}

/** Shows the booking and polls it every second until its status is final. */
function watch(reservation, lastName, flight) {
  stopWatching();
  rememberBooking(reservation.locator, lastName);
  const panel = byId('booking-panel');
  const path = '/api/reservations/' + encodeURIComponent(reservation.locator);
  let current = reservation;
  let shown = null;
  const render = () => {
    const version = current.status + ':' + (current.history || []).length +
      ':' + Boolean(flight);
    if (version !== shown) {
      shown = version;
      renderBooking(current, flight);
    }
  };
  panel.hidden = false;
  render();
  panel.scrollIntoView({ block: 'start' });
  if (!flight) {
    api('GET', '/api/flights/' + encodeURIComponent(reservation.flightId))
      .then((found) => {
        flight = found;
        render();
      })
      .catch(() => undefined);
  }
  stopWatching = every(1000, async () => {
    current = await api('GET', path, { lastName });
    render();
    return FINAL.includes(current.status);
  });
}

function renderBooking(reservation, flight) {
  const [label, tone] = STATUSES[reservation.status] || [
    reservation.status,
    'warn',
  ];
  const awaiting = reservation.status === 'AWAITING_PAYMENT';
  fill(
    byId('booking'),
    h('p', { class: 'hint' }, 'Booking reference'),
    h('p', { class: 'locator', id: 'locator' }, reservation.locator),
    h(
      'p',
      {},
      'Status: ',
      h(
        'span',
        {
          class: 'badge badge-' + tone,
          id: 'booking-status',
          'data-status': reservation.status,
        },
        label,
      ),
    ),
    h(
      'dl',
      {},
      flight && term('Flight', route(flight)),
      flight && term('Departs', dateTime(flight.departureAt)),
      term('Total', money(reservation.amountCents, reservation.currency)),
      awaiting && term('Seats held until', dateTime(reservation.holdExpiresAt)),
      term(
        'Passengers',
        h(
          'ul',
          { class: 'list', id: 'booked-passengers' },
          reservation.passengers.map((p) =>
            h('li', {}, p.firstName + ' ' + p.lastName),
          ),
        ),
      ),
    ),
    nextStep(reservation.status),
    history(reservation.history || []),
  );
}

function nextStep(status) {
  const steps = {
    AWAITING_PAYMENT: [
      'alert-warn',
      'Pay before the hold ends, or the seats go back on sale. ',
      linkTo('payment', 'Pay for this booking'),
    ],
    CONFIRMED: [
      'alert-ok',
      'Your seats are confirmed. ',
      linkTo('cancellation', 'Cancel this booking'),
    ],
    PAYMENT_FAILED: [
      'alert-error',
      'The payment was declined and the seats were released. ' +
        'Book again to try another card.',
    ],
    EXPIRED: [
      'alert-error',
      'The hold ran out before payment and the seats were released.',
    ],
    CANCELLED: ['alert-info', 'This booking is cancelled.'],
  };
  const [tone, ...text] = steps[status] || ['alert-info', ''];
  return h('p', { class: 'alert ' + tone }, ...text);
}

function history(entries) {
  if (entries.length === 0) {
    return null;
  }
  return h(
    'div',
    {},
    h('h3', {}, 'History'),
    h(
      'ol',
      { class: 'list' },
      entries.map((entry) =>
        h(
          'li',
          {},
          h('strong', {}, statusLabel(entry.to)),
          ' · ' + dateTime(entry.at),
          h('br'),
          h('span', { class: 'muted' }, entry.reason),
        ),
      ),
    ),
  );
}

searchForm.elements.date.min = dayFromNow(0);
searchForm.elements.date.value = dayFromNow(7);
bookingForm.elements.count.addEventListener('change', renderPassengerFields);
onSubmit(searchForm, search);
onSubmit(bookingForm, book);
onSubmit(lookupForm, lookup);
fillBooking(lookupForm);
`;
