import { randomUUID } from 'node:crypto';

import {
  Envelope,
  EventDefinition,
  Events,
  EventName,
  EventPayload,
} from '@airline/contracts';
import { currentCorrelation } from '@airline/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

export const OUTBOX_CHANNEL = 'outbox';

/**
 * Records events in the caller's transaction, so they are published if and
 * only if the state change that caused them commits.
 */
@Injectable()
export class Outbox {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  async record<N extends EventName>(
    manager: EntityManager,
    name: N,
    aggregateId: string,
    payload: EventPayload<N>,
  ): Promise<Envelope<EventPayload<N>>> {
    const definition: EventDefinition = Events[name];
    const envelope = this.envelope(definition, payload);

    // One round trip for both. The notification is delivered on commit
    // only, and once per transaction however often it is sent.
    await manager.query(
      `WITH recorded AS (
         INSERT INTO outbox (id, aggregate_id, type, envelope)
         VALUES ($1, $2, $3, $4) RETURNING id)
       SELECT pg_notify($5, '') FROM recorded`,
      [
        envelope.id,
        aggregateId,
        envelope.type,
        JSON.stringify(envelope),
        OUTBOX_CHANNEL,
      ],
    );
    return envelope;
  }

  private envelope<P>(definition: EventDefinition, payload: P): Envelope<P> {
    const { correlationId, causationId } = currentCorrelation();
    return {
      id: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt: new Date().toISOString(),
      correlationId,
      causationId,
      producer: this.options.service,
      payload,
    };
  }
}
