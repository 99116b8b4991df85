import {
  isBehindGateway,
  UI_STYLES,
  UiResponse,
  uiScript,
} from '@airline/platform';
import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { RESERVATION_SCRIPT } from './app.script';
import { reservationPage } from './page';

const PAGES = {
  direct: reservationPage(false),
  gateway: reservationPage(true),
};
const SCRIPT = uiScript(RESERVATION_SCRIPT);

/** The booking page, rendered by the service itself: `/` and its files. */
@ApiExcludeController()
@Controller()
export class UiController {
  @Get()
  @UiResponse('html')
  @Header('Vary', 'X-Forwarded-Prefix')
  page(@Headers('x-forwarded-prefix') prefix?: string): string {
    return isBehindGateway(prefix) ? PAGES.gateway : PAGES.direct;
  }

  @Get('app.js')
  @UiResponse('js')
  script(): string {
    return SCRIPT;
  }

  @Get('styles.css')
  @UiResponse('css')
  styles(): string {
    return UI_STYLES;
  }
}
