import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

export interface ChargeRequest {
  /** Digits only; the processor is the one place that sees them. */
  readonly cardNumber: string;
  readonly expiryMonth: number;
  readonly expiryYear: number;
  readonly cvc: string;
  readonly amountCents: number;
  readonly currency: string;
  /** Lets a real processor deduplicate a retried charge. */
  readonly idempotencyKey: string;
}

export type ChargeResult =
  | { readonly outcome: 'CAPTURED'; readonly reference: string }
  | { readonly outcome: 'DECLINED'; readonly reason: string };

export interface RefundRequest {
  readonly chargeReference: string;
  readonly amountCents: number;
  readonly currency: string;
  readonly idempotencyKey: string;
}

/** A card processor's API; swap the simulated one for a real gateway. */
export abstract class CardProcessor {
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
  abstract refund(request: RefundRequest): Promise<{ reference: string }>;
}

const DECLINES: Record<string, string> = {
  '4000000000000002': 'card_declined',
  '4000000000009995': 'insufficient_funds',
};

/**
 * A sandbox in the manner of card processors' test modes: the contract's
 * test numbers decline with their reasons, any other valid card captures.
 */
@Injectable()
export class SimulatedCardProcessor extends CardProcessor {
  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const reason = DECLINES[request.cardNumber];
    if (reason) {
      return { outcome: 'DECLINED', reason };
    }
    return { outcome: 'CAPTURED', reference: `sim_ch_${randomUUID()}` };
  }

  async refund(): Promise<{ reference: string }> {
    return { reference: `sim_re_${randomUUID()}` };
  }
}
