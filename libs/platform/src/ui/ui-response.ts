import { applyDecorators, Header } from '@nestjs/common';

/**
 * Scripts only from the service's own files (no inline script, so injected
 * markup cannot run), calls only to the same origin, and no native form
 * submission: a form posted without its script would put card numbers in
 * a URL.
 */
export const UI_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
} as const;

/** The headers every file of a service's UI is served with. */
export function UiResponse(kind: keyof typeof CONTENT_TYPES): MethodDecorator {
  return applyDecorators(
    Header('Content-Type', CONTENT_TYPES[kind]),
    Header('Content-Security-Policy', UI_CONTENT_SECURITY_POLICY),
    Header('X-Content-Type-Options', 'nosniff'),
    Header('Referrer-Policy', 'no-referrer'),
    Header('Cache-Control', 'no-cache'),
  );
}
