import type { Envelope } from '@airline/contracts';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';

/**
 * What an event handler gets besides the payload: the envelope, and the
 * transaction in which the inbox records the message as handled. Writes
 * made through `manager` commit together with that record, or not at all.
 */
export class MessageContext extends BaseRpcContext<
  [Envelope, EntityManager, number]
> {
  get envelope(): Envelope {
    return this.args[0];
  }

  get manager(): EntityManager {
    return this.args[1];
  }

  /** 1 on the first delivery, then one more per retry. */
  get attempt(): number {
    return this.args[2];
  }
}
