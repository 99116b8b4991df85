import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { Cancellation, CancellationStatus } from './cancellation.entity';

export class CancellationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7M2QX' }) locator: string;
  @ApiProperty({ enum: ['REQUESTED', 'COMPLETED', 'REJECTED'] })
  status: CancellationStatus;
  @ApiProperty({ enum: ['FULL', 'PARTIAL', 'NONE'] }) refundPolicy: string;
  @ApiProperty({ example: 45900 }) refundAmountCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiPropertyOptional({ example: 'ALREADY_CANCELLED' })
  rejectionReason?: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiPropertyOptional({ format: 'date-time' }) completedAt?: string;

  static of(cancellation: Cancellation): CancellationView {
    return {
      id: cancellation.id,
      locator: cancellation.locator,
      status: cancellation.status,
      refundPolicy: cancellation.refundPolicy,
      refundAmountCents: cancellation.refundAmountCents,
      currency: cancellation.currency,
      ...(cancellation.rejectionReason
        ? { rejectionReason: cancellation.rejectionReason }
        : {}),
      requestedAt: cancellation.requestedAt.toISOString(),
      ...(cancellation.completedAt
        ? { completedAt: cancellation.completedAt.toISOString() }
        : {}),
    };
  }
}
