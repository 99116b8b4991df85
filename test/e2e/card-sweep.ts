import { passesLuhn } from '../../services/payment/src/cards/card';

import { ComposeStack } from './compose';

const DATABASES = ['reservation', 'payment', 'cancellation'];
/**
 * A bare run of 13-19 digits, or one written in groups of four, standing on
 * its own: not inside a longer token. Without that, the digit groups of a
 * UUID (one in about 2,500 passes Luhn) read as a card number.
 */
const CANDIDATES =
  /(?<![\w-])(?:\d{13,19}|\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7})(?![\w-])/g;

/**
 * Looks through every table of every database and every log line the stack
 * wrote for a card number (any Luhn-valid run) or a CVC field. The outbox
 * keeps sent events for a while, so message bodies are covered too.
 */
export function sweepForCardData(stack: ComposeStack): string[] {
  const sources: [string, string][] = [
    [
      'logs',
      stack.capture(
        'logs',
        '--no-color',
        'reservation',
        'payment',
        'cancellation',
        'gateway',
      ),
    ],
    ...DATABASES.map((db): [string, string] => [
      `database ${db}`,
      stack.capture(
        'exec',
        '-T',
        'postgres',
        'pg_dump',
        '-U',
        'postgres',
        '--data-only',
        db,
      ),
    ]),
  ];
  return sources.flatMap(([source, text]) => findings(source, text));
}

export function findings(source: string, text: string): string[] {
  const numbers = [...text.matchAll(CANDIDATES)]
    .map((match) => match[0].replace(/[ -]/g, ''))
    .filter(passesLuhn)
    .map((digits) => `${source}: a card number ending ${digits.slice(-4)}`);
  const cvcs = /"cvc"|\bcvc\s*[:=]\s*\d{3,4}/i.test(text)
    ? [`${source}: a CVC field`]
    : [];
  return [...numbers, ...cvcs];
}
