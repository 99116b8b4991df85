export interface PageShell {
  /** The service's name as the gateway prefixes it, e.g. `payment`. */
  readonly service: string;
  readonly title: string;
  /** Trusted, constant markup: never data from a request or a database. */
  readonly main: string;
  /** Behind the gateway the three UIs share an origin and link each other. */
  readonly behindGateway: boolean;
}

const SECTIONS = [
  ['reservation', 'Book'],
  ['payment', 'Pay'],
  ['cancellation', 'Cancel'],
] as const;

/**
 * The HTML around a service's UI. Every URL in it is relative, so the page
 * works at a service's root and under its gateway prefix alike.
 */
export function renderPage(shell: PageShell): string {
  const title = escapeHtml(shell.title);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${title} · Airline</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="styles.css">
    <script src="app.js" defer></script>
  </head>
  <body data-service="${escapeHtml(shell.service)}"
    data-gateway="${shell.behindGateway}">
    <header class="top">
      ${shell.behindGateway ? navigation(shell.service) : brand(shell.service)}
    </header>
    <main class="page">
      <h1>${title}</h1>
      <noscript>
        <p class="alert alert-error">This page needs JavaScript.</p>
      </noscript>
${shell.main}
    </main>
  </body>
</html>
`;
}

function navigation(current: string): string {
  const links = SECTIONS.map(([service, label]) => {
    const here = service === current ? ' aria-current="page"' : '';
    return `<a href="../${service}/"${here}>${label}</a>`;
  });
  return `<nav class="nav" aria-label="Airline">
        <a class="brand" href="../">Airline</a>
        ${links.join('\n        ')}
      </nav>`;
}

function brand(service: string): string {
  const name = escapeHtml(service);
  return `<p class="brand">Airline <span>${name} service</span></p>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Whether the request came through the gateway, which names its prefix. */
export function isBehindGateway(forwardedPrefix: unknown): boolean {
  return (
    typeof forwardedPrefix === 'string' && /^\/[a-z-]+$/.test(forwardedPrefix)
  );
}

/**
 * The booking reference and last name a passenger proves a booking with,
 * as every page asks for them.
 */
export const BOOKING_FIELDS = `<div class="fields">
            <label>Booking reference
              <input name="locator" class="code" required minlength="6"
                maxlength="6" autocapitalize="characters"
                autocomplete="off" spellcheck="false">
            </label>
            <label>Last name
              <input name="lastName" required maxlength="100"
                autocomplete="family-name">
            </label>
          </div>`;
