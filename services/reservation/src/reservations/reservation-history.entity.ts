import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

import type { Reservation } from './reservation.entity';
import type { ReservationStatus } from './reservation-status';

/** One move of a reservation: from where, to where, why, and who moved it. */
@Entity('reservation_history')
export class ReservationHistoryEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ReservationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: ReservationStatus;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @ManyToOne('Reservation', 'history')
  @JoinColumn({ name: 'reservation_id' })
  reservation: Relation<Reservation>;
}
