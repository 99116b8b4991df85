import { BOOKING_FIELDS, renderPage } from '@airline/platform';

const MAIN = `
      <section class="panel" aria-labelledby="cancel-title">
        <h2 id="cancel-title">Your booking</h2>
        <p class="hint">What comes back depends on the time left before
          departure: more than 72 hours, everything; 24 to 72 hours, half;
          less than 24 hours, nothing. A booking never paid is cancelled
          with nothing to refund.</p>
        <form id="quote-form">
          ${BOOKING_FIELDS}
          <label>Reason (optional)
            <textarea name="reason" rows="2" maxlength="500"></textarea>
          </label>
          <button type="submit">Check refund</button>
        </form>
        <div id="quote-feedback" aria-live="polite"></div>
      </section>

      <section class="panel" id="quote-panel" hidden
        aria-labelledby="quote-title">
        <h2 id="quote-title">Before you cancel</h2>
        <div id="quote"></div>
        <div class="actions" id="quote-actions">
          <button type="button" class="danger" id="confirm-cancel">
            Cancel booking</button>
          <button type="button" class="secondary" id="keep-booking">
            Keep booking</button>
        </div>
      </section>

      <section class="panel" id="outcome-panel" hidden
        aria-labelledby="outcome-title">
        <h2 id="outcome-title">Cancellation</h2>
        <div id="outcome" aria-live="polite"></div>
      </section>`;

export function cancellationPage(behindGateway: boolean): string {
  return renderPage({
    service: 'cancellation',
    title: 'Cancel a booking',
    main: MAIN,
    behindGateway,
  });
}
