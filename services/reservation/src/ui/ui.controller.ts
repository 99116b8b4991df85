import { uiController } from '@airline/platform';

import { RESERVATION_SCRIPT } from './app.script';
import { reservationPage } from './page';

/** The booking page, rendered by the service itself: `/` and its files. */
export const UiController = uiController(reservationPage, RESERVATION_SCRIPT);
