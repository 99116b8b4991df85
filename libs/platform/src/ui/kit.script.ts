/**
 * Browser code the three UIs share, prepended to each service's own script
 * (see `uiScript`). It builds every node with DOM calls and puts values in
 * as text nodes, never as markup, so nothing from the API or a form can
 * become HTML. Plain modern JavaScript: no build step, no dependency.
 */
export const KIT_SCRIPT = String.raw`
'use strict';

const COMMON_MESSAGES = {
  NETWORK_ERROR:
    'The service could not be reached. Check the connection and try again.',
  SERVICE_UNAVAILABLE:
    'The service is not available at the moment. Try again shortly.',
  REQUEST_IN_PROGRESS:
    'The previous attempt is still being processed. Try again in a moment.',
  IDEMPOTENCY_KEY_REUSED:
    'This form was already sent with other details. Send it again.',
  PAYLOAD_TOO_LARGE: 'The form holds more than the service accepts.',
  VALIDATION_FAILED: 'Some details need correcting:',
  RESERVATION_NOT_FOUND:
    'No booking matches this booking reference and last name.',
  NAME_NOT_SENDABLE:
    'This last name has characters that cannot be sent to the service; ' +
    'use the Latin spelling it was booked with.',
  INTERNAL_ERROR: 'Something went wrong on our side. Please try again.',
  PAGE_ERROR: 'Something went wrong in this page. Reload it and try again.',
};

/** Builds an element; strings among the children become text nodes. */
function h(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      node.setAttribute(name, String(value));
    }
  }
  node.append(...present(children));
  return node;
}

/** Replaces a node's children, skipping empty ones as h does. */
function fill(container, ...children) {
  container.replaceChildren(...present(children));
}

/** Nested lists flattened, nothing for null, undefined or false. */
function present(children) {
  return children
    .flat(Infinity)
    .filter((c) => c !== null && c !== undefined && c !== false)
    .map((c) => (c instanceof Node ? c : String(c)));
}

function byId(id) {
  return document.getElementById(id);
}

/** A form's fields as trimmed strings, by name. */
function valuesOf(form) {
  const values = {};
  for (const [name, value] of new FormData(form)) {
    values[name] = typeof value === 'string' ? value.trim() : value;
  }
  return values;
}

function money(cents, currency) {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency })
    .format(cents / 100);
}

function dateTime(iso) {
  const format = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return format.format(new Date(iso)) + ' UTC';
}

/** A v4 UUID; crypto.randomUUID exists only on HTTPS and localhost. */
function newKey() {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0'));
  return [
    hex.slice(0, 4), hex.slice(4, 6), hex.slice(6, 8), hex.slice(8, 10),
    hex.slice(10),
  ].map((part) => part.join('')).join('-');
}

const formKeys = new WeakMap();

/**
 * One Idempotency-Key per form content: sending an unchanged form again (a
 * double click, a retry after a lost answer) replays the first answer
 * instead of booking or charging twice. Editing the form starts anew.
 */
function keyFor(form) {
  if (!formKeys.has(form)) {
    formKeys.set(form, newKey());
    form.addEventListener('input', () => formKeys.delete(form), {
      once: true,
    });
  }
  return formKeys.get(form);
}

class ApiError extends Error {
  constructor(status, body) {
    const known = body && typeof body === 'object' ? body : {};
    super(typeof known.message === 'string' ? known.message : 'HTTP ' + status);
    this.status = status;
    this.code = typeof known.code === 'string' ? known.code : 'HTTP_' + status;
    this.errors = Array.isArray(known.errors) ? known.errors.map(String) : [];
    this.correlationId =
      typeof known.correlationId === 'string' ? known.correlationId : null;
  }
}

/**
 * Calls the API; resolves with the JSON body or rejects with an ApiError
 * carrying the contract's code. Paths are absolute: the gateway routes
 * /api/... to the right service, and so does each service on its own.
 */
async function api(method, path, options) {
  const { body, lastName, key } = options || {};
  const headers = { accept: 'application/json' };
  if (lastName !== undefined) {
    // Header values are Latin-1; fetch refuses anything else outright.
    if (!/^[\u0020-\u007e\u00a0-\u00ff]*$/.test(lastName)) {
      throw new ApiError(0, { code: 'NAME_NOT_SENDABLE' });
    }
    headers['x-last-name'] = lastName;
  }
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  if (method === 'POST') {
    headers['idempotency-key'] = key || newKey();
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR' });
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, payload);
  }
  return payload;
}

/** "passengers.0.firstName" reads as "Passengers first name". */
function defaultLabel(path) {
  const words = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join(' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One validation message with its field path turned into words. */
function humanize(line, labelOf) {
  const match = /^([A-Za-z][\w.]*) (.+)$/.exec(line);
  if (!match || match[1] === 'property') {
    return line;
  }
  const label = (labelOf && labelOf(match[1])) || defaultLabel(match[1]);
  return label + ': ' + match[2];
}

function describeError(error, messages, labelOf) {
  const all = Object.assign({}, COMMON_MESSAGES, messages);
  if (!(error instanceof ApiError)) {
    console.error(error);
    return { summary: all.PAGE_ERROR, details: [], reference: null };
  }
  const summary =
    all[error.code] ||
    (error.status >= 500 ? all.SERVICE_UNAVAILABLE : error.message);
  return {
    summary,
    details: error.errors.map((line) => humanize(line, labelOf)),
    reference: error.correlationId,
  };
}

/** Replaces a feedback area with the error, read out by screen readers. */
function showError(container, error, messages, labelOf) {
  const { summary, details, reference } = describeError(
    error,
    messages,
    labelOf,
  );
  fill(
    container,
    h(
      'div',
      { class: 'alert alert-error', role: 'alert' },
      h('p', { class: 'alert-title' }, summary),
      details.length > 0 && h('ul', {}, details.map((d) => h('li', {}, d))),
      reference &&
        h('p', { class: 'reference' }, 'Reference: ', h('code', {}, reference)),
    ),
  );
}

function showNotice(container, text, tone) {
  fill(
    container,
    h('p', { class: 'alert alert-' + (tone || 'info'), role: 'status' }, text),
  );
}

/** Runs the form's work with its buttons off, so it cannot run twice. */
async function whileBusy(form, work) {
  const buttons = Array.from(form.querySelectorAll('button'));
  form.setAttribute('aria-busy', 'true');
  buttons.forEach((button) => (button.disabled = true));
  try {
    return await work();
  } finally {
    form.removeAttribute('aria-busy');
    buttons.forEach((button) => (button.disabled = false));
  }
}

/** Calls step now and every ms until it returns true or stop() is called. */
function every(ms, step) {
  let timer = null;
  let stopped = false;
  const run = async () => {
    let done = false;
    try {
      done = await step();
    } catch (error) {
      console.warn(error);
    }
    if (!done && !stopped) {
      timer = setTimeout(run, ms);
    }
  };
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function atGateway() {
  return document.body.dataset.gateway === 'true';
}

/** A link to another service's UI; they share an origin only at the gateway. */
function linkTo(service, text) {
  return atGateway() ? h('a', { href: '../' + service + '/' }, text) : null;
}

const BOOKING_KEY = 'airline.booking';

/** Lets the next page of the journey fill in the booking for this tab. */
function rememberBooking(locator, lastName) {
  try {
    sessionStorage.setItem(BOOKING_KEY, JSON.stringify({ locator, lastName }));
  } catch {
    // Storage may be off; the forms still work, only unfilled.
  }
}

function fillBooking(form) {
  let booking = null;
  try {
    booking = JSON.parse(sessionStorage.getItem(BOOKING_KEY) || 'null');
  } catch {
    return;
  }
  if (booking && typeof booking.locator === 'string') {
    form.elements.locator.value = booking.locator;
    form.elements.lastName.value = String(booking.lastName || '');
  }
}

function term(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}
`;

/** A service's script with the kit, in one scope of its own. */
export function uiScript(serviceScript: string): string {
  return `(() => {\n${KIT_SCRIPT}\n${serviceScript}\n})();\n`;
}
