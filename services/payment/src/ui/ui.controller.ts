import { uiController } from '@airline/platform';

import { PAYMENT_SCRIPT } from './app.script';
import { paymentPage } from './page';

/** The payment page, rendered by the service itself: `/` and its files. */
export const UiController = uiController(paymentPage, PAYMENT_SCRIPT);
