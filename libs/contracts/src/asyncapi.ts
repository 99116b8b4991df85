import { z } from 'zod';

import { Events, ServiceName } from './catalogue';
import { Envelope } from './envelope';
import { EVENTS_EXCHANGE } from './events';

const services: ServiceName[] = ['reservation', 'payment', 'cancellation'];

/**
 * The AsyncAPI 3 document of every event, built from the catalogue so the
 * committed `docs/asyncapi.json` can be checked against the code.
 */
export function buildAsyncApiDocument(): Record<string, unknown> {
  const definitions = Object.entries(Events);
  const channels: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};

  for (const [name, definition] of definitions) {
    messages[name] = {
      name: definition.type,
      title: name,
      summary: definition.summary,
      contentType: 'application/json',
      headers: { type: 'object', properties: envelopeHeaders() },
      payload: z.toJSONSchema(definition.schema),
      'x-version': definition.version,
      'x-producer': definition.producer,
      'x-consumers': definition.consumers,
    };
    channels[name] = {
      address: definition.type,
      messages: { [name]: { $ref: `#/components/messages/${name}` } },
      bindings: {
        amqp: { is: 'routingKey', exchange: exchangeBinding() },
      },
    };
    operations[`${definition.producer}Publishes${name}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${name}` },
    };
    for (const consumer of definition.consumers) {
      operations[`${consumer}Receives${name}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${name}` },
        bindings: { amqp: { ack: true, queue: `${consumer}.events` } },
      };
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Airline domain events',
      version: '1.0.0',
      description:
        `Every event is published to the durable topic exchange ` +
        `${EVENTS_EXCHANGE} with its type as routing key, wrapped in an ` +
        `envelope (id, type, version, occurredAt, correlationId, ` +
        `causationId, producer, payload). Each consuming service reads ` +
        `its own quorum queue; services: ${services.join(', ')}.`,
    },
    channels,
    operations,
    components: {
      messages,
      schemas: { Envelope: z.toJSONSchema(Envelope) },
    },
  };
}

function exchangeBinding(): Record<string, unknown> {
  return { name: EVENTS_EXCHANGE, type: 'topic', durable: true, vhost: '/' };
}

function envelopeHeaders(): Record<string, unknown> {
  return {
    'message-id': { type: 'string', format: 'uuid' },
    'correlation-id': { type: 'string' },
    type: { type: 'string' },
  };
}
