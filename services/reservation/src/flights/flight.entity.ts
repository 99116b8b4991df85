import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('flights')
export class Flight {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'flight_number' })
  flightNumber: string;

  @Column({ length: 3 })
  origin: string;

  @Column({ length: 3 })
  destination: string;

  @Column({ name: 'departure_at', type: 'timestamptz' })
  departureAt: Date;

  @Column({ name: 'arrival_at', type: 'timestamptz' })
  arrivalAt: Date;

  @Column({ name: 'fare_cents', type: 'integer' })
  fareCents: number;

  @Column({ length: 3 })
  currency: string;

  @Column({ name: 'seats_total', type: 'integer' })
  seatsTotal: number;

  @Column({ name: 'seats_available', type: 'integer' })
  seatsAvailable: number;
}
