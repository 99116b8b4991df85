import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

import type { CardBrand } from '../cards/card';

export type PaymentStatus = 'CAPTURED' | 'DECLINED';

/** A charge attempt. Card data is reduced to brand, last 4 and expiry. */
@Entity('payments')
export class Payment {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId: string;

  @Column({ length: 6 })
  locator: string;

  @Column({ type: 'text' })
  status: PaymentStatus;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ length: 3 })
  currency: string;

  @Column({ name: 'card_brand', type: 'text' })
  cardBrand: CardBrand;

  @Column({ name: 'card_last4', length: 4 })
  cardLast4: string;

  @Column({ name: 'card_expiry_month', type: 'integer' })
  cardExpiryMonth: number;

  @Column({ name: 'card_expiry_year', type: 'integer' })
  cardExpiryYear: number;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ name: 'processor_reference', type: 'text', nullable: true })
  processorReference: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
