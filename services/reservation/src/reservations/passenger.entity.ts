import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';

import type { Reservation } from './reservation.entity';

@Entity('passengers')
export class Passenger {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'first_name' })
  firstName: string;

  @Column({ name: 'last_name' })
  lastName: string;

  @Column()
  email: string;

  @ManyToOne('Reservation', 'passengers')
  @JoinColumn({ name: 'reservation_id' })
  reservation: Relation<Reservation>;
}
