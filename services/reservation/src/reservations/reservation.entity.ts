import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

import { Passenger } from './passenger.entity';
import { ReservationHistoryEntry } from './reservation-history.entity';
import type { ReservationStatus } from './reservation-status';

@Entity('reservations')
export class Reservation {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ length: 6, unique: true })
  locator: string;

  @Column({ name: 'flight_id', type: 'uuid' })
  flightId: string;

  @Column({ type: 'text' })
  status: ReservationStatus;

  @Column({ name: 'passenger_count', type: 'integer' })
  passengerCount: number;

  @Column({ name: 'amount_cents', type: 'integer' })
  amountCents: number;

  @Column({ length: 3 })
  currency: string;

  @Column({ name: 'hold_expires_at', type: 'timestamptz' })
  holdExpiresAt: Date;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => Passenger, (passenger) => passenger.reservation, {
    cascade: ['insert'],
  })
  passengers: Passenger[];

  @OneToMany(() => ReservationHistoryEntry, (entry) => entry.reservation)
  history: ReservationHistoryEntry[];
}
