import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Money returned for a captured payment; at most one per payment. */
@Entity('refunds')
export class Refund {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'payment_id', type: 'uuid', unique: true })
  paymentId: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId: string;

  @Column({ name: 'cancellation_id', type: 'uuid', nullable: true })
  cancellationId: string | null;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ length: 3 })
  currency: string;

  /** Why the money went back: a cancellation, or a capture that came too late. */
  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'processor_reference', type: 'text' })
  processorReference: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
