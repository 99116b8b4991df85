import { BOOKING_FIELDS, renderPage } from '@airline/platform';

/** The timetable's airports, by IATA code, as the selects offer them. */
export const AIRPORTS: readonly (readonly [string, string])[] = [
  ['LHR', 'London Heathrow'],
  ['JFK', 'New York JFK'],
  ['CDG', 'Paris Charles de Gaulle'],
  ['FRA', 'Frankfurt'],
  ['AMS', 'Amsterdam Schiphol'],
  ['MAD', 'Madrid Barajas'],
  ['FCO', 'Rome Fiumicino'],
  ['DXB', 'Dubai'],
];

function airportOptions(selected: string): string {
  return AIRPORTS.map(([code, name]) => {
    const chosen = code === selected ? ' selected' : '';
    return `<option value="${code}"${chosen}>${code} · ${name}</option>`;
  }).join('\n              ');
}

const MAIN = `
      <section class="panel" aria-labelledby="search-title">
        <h2 id="search-title">Find a flight</h2>
        <form id="search-form">
          <div class="fields">
            <label>From
              <select name="origin" required>
              ${airportOptions('LHR')}
              </select>
            </label>
            <label>To
              <select name="destination" required>
              ${airportOptions('JFK')}
              </select>
            </label>
            <label>Date (UTC)
              <input type="date" name="date" required>
            </label>
          </div>
          <button type="submit">Search flights</button>
        </form>
        <div id="search-feedback" aria-live="polite"></div>
        <ul id="flights" class="list" aria-label="Flights"></ul>
      </section>

      <section class="panel" id="passengers-panel" hidden
        aria-labelledby="passengers-title">
        <h2 id="passengers-title">Passengers</h2>
        <p id="chosen-flight" class="hint"></p>
        <form id="booking-form">
          <label>Number of passengers
            <select name="count">
              <option>1</option><option>2</option><option>3</option>
              <option>4</option><option>5</option><option>6</option>
              <option>7</option><option>8</option><option>9</option>
            </select>
          </label>
          <div id="passenger-fields" class="fields"></div>
          <button type="submit">Hold seats</button>
        </form>
        <div id="booking-feedback" aria-live="polite"></div>
      </section>

      <section class="panel" id="booking-panel" hidden
        aria-labelledby="booking-title">
        <h2 id="booking-title">Your booking</h2>
        <div id="booking"></div>
      </section>

      <section class="panel" aria-labelledby="lookup-title">
        <h2 id="lookup-title">Look up a booking</h2>
        <form id="lookup-form">
          ${BOOKING_FIELDS}
          <button type="submit">Find booking</button>
        </form>
        <div id="lookup-feedback" aria-live="polite"></div>
      </section>`;

export function reservationPage(behindGateway: boolean): string {
  return renderPage({
    service: 'reservation',
    title: 'Book a flight',
    main: MAIN,
    behindGateway,
  });
}
