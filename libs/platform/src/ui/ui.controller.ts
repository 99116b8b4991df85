import { Controller, Get, Header, Headers, Type } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

import { isBehindGateway } from './page-shell';
import { UiResponse } from './ui-response';
import { UI_STYLES } from './ui.styles';
import { uiScript } from './kit.script';

/**
 * The controller that serves a service's own page at `/` with its script
 * and the shared styles. Pages are rendered once, for direct access and for
 * access through the gateway, whose links differ.
 */
export function uiController(
  page: (behindGateway: boolean) => string,
  script: string,
): Type<unknown> {
  const pages = { direct: page(false), gateway: page(true) };
  const bundled = uiScript(script);

  @ApiExcludeController()
  @Controller()
  class UiController {
    @Get()
    @UiResponse('html')
    @Header('Vary', 'X-Forwarded-Prefix')
    page(@Headers('x-forwarded-prefix') prefix?: string): string {
      return isBehindGateway(prefix) ? pages.gateway : pages.direct;
    }

    @Get('app.js')
    @UiResponse('js')
    script(): string {
      return bundled;
    }

    @Get('styles.css')
    @UiResponse('css')
    styles(): string {
      return UI_STYLES;
    }
  }
  return UiController;
}
