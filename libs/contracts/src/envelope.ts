import { z } from 'zod';

import { findEventDefinition } from './catalogue';
import { IsoDateTime, Uuid } from './money';

/** What travels on the wire: the payload wrapped with its identity and lineage. */
export const Envelope = z.object({
  id: Uuid,
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: IsoDateTime,
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200).nullable(),
  producer: z.string().min(1),
  payload: z.unknown(),
});

export type Envelope<P = unknown> = Omit<
  z.infer<typeof Envelope>,
  'payload'
> & {
  payload: P;
};

export type EnvelopeCheck =
  | { ok: true; envelope: Envelope }
  | { ok: false; reason: string };

/**
 * Parses a message body and validates it against the envelope and the
 * payload schema its type and version name in the catalogue.
 */
export function parseEnvelope(body: string): EnvelopeCheck {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not JSON' };
  }

  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: `envelope ${describe(envelope.error)}` };
  }

  const definition = findEventDefinition(envelope.data.type);
  if (!definition) {
    return { ok: false, reason: `unknown event type ${envelope.data.type}` };
  }
  if (definition.version !== envelope.data.version) {
    return {
      ok: false,
      reason: `unsupported version ${envelope.data.version} of ${definition.type}`,
    };
  }

  const payload = definition.schema.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, reason: `payload ${describe(payload.error)}` };
  }
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
