import type {
  CancellationRejectionReason,
  RefundPolicyName,
} from '@airline/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CancellationStatus = 'REQUESTED' | 'COMPLETED' | 'REJECTED';

@Entity('cancellations')
export class Cancellation {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId: string;

  @Column({ length: 6 })
  locator: string;

  @Column({ type: 'text' })
  status: CancellationStatus;

  @Column({ name: 'refund_policy', type: 'text' })
  refundPolicy: RefundPolicyName;

  @Column({ name: 'refund_percent', type: 'integer' })
  refundPercent: number;

  @Column({ name: 'refund_amount_cents', type: 'integer' })
  refundAmountCents: number;

  @Column({ length: 3 })
  currency: string;

  @Column({ name: 'rejection_reason', type: 'text', nullable: true })
  rejectionReason: CancellationRejectionReason | null;

  @Column({ name: 'customer_reason', type: 'text', nullable: true })
  customerReason: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;
}
