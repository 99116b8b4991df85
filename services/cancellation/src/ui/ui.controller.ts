import { uiController } from '@airline/platform';

import { CANCELLATION_SCRIPT } from './app.script';
import { cancellationPage } from './page';

/** The cancellation page, rendered by the service itself: `/` and its files. */
export const UiController = uiController(cancellationPage, CANCELLATION_SCRIPT);
