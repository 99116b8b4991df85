import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { Reservation } from './reservation.entity';
import type { ReservationStatus } from './reservation-status';

export class PassengerView {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
}

export class HistoryView {
  @ApiPropertyOptional({ nullable: true }) from: ReservationStatus | null;
  @ApiProperty() to: ReservationStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: 'customer' }) actor: string;
  @ApiProperty() reason: string;
}

export class ReservationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7M2QX' }) locator: string;
  @ApiProperty({
    enum: [
      'AWAITING_PAYMENT',
      'CONFIRMED',
      'PAYMENT_FAILED',
      'EXPIRED',
      'CANCELLED',
    ],
  })
  status: ReservationStatus;
  @ApiProperty({ format: 'uuid' }) flightId: string;
  @ApiProperty({ type: [PassengerView] }) passengers: PassengerView[];
  @ApiProperty({ example: 91800 }) amountCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date-time' }) holdExpiresAt: string;
  @ApiPropertyOptional({ type: [HistoryView] }) history?: HistoryView[];

  static of(reservation: Reservation): ReservationView {
    const passengers = [...reservation.passengers]
      .sort((a, b) => a.position - b.position)
      .map(({ firstName, lastName, email }) => ({
        firstName,
        lastName,
        email,
      }));
    return {
      id: reservation.id,
      locator: reservation.locator,
      status: reservation.status,
      flightId: reservation.flightId,
      passengers,
      amountCents: reservation.amountCents,
      currency: reservation.currency,
      holdExpiresAt: reservation.holdExpiresAt.toISOString(),
      ...(reservation.history ? { history: historyOf(reservation) } : {}),
    };
  }
}

function historyOf(reservation: Reservation): HistoryView[] {
  return [...reservation.history]
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((entry) => ({
      from: entry.fromStatus,
      to: entry.toStatus,
      at: entry.occurredAt.toISOString(),
      actor: entry.actor,
      reason: entry.reason,
    }));
}
