import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import type { Booking } from '../reservations/booking.entity';
import type { RefundQuote } from './refund-quote';

export class CancellationQuoteView {
  @ApiProperty({ example: 'K7M2QX' }) locator: string;
  @ApiProperty({
    description: 'Whether a cancellation requested now would go ahead',
  })
  cancellable: boolean;
  @ApiPropertyOptional({
    enum: ['ALREADY_CANCELLED', 'NOT_CANCELLABLE', 'FLIGHT_DEPARTED'],
  })
  rejectionReason?: string;
  @ApiProperty({ description: 'Whether the booking is paid, as last heard' })
  paid: boolean;
  @ApiProperty({ enum: ['FULL', 'PARTIAL', 'NONE'] }) refundPolicy: string;
  @ApiProperty({ example: 100 }) refundPercent: number;
  @ApiProperty({ example: 91800 }) refundAmountCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date-time' }) departureAt: string;

  static of(booking: Booking, quote: RefundQuote): CancellationQuoteView {
    return {
      locator: booking.locator,
      cancellable: quote.cancellable,
      ...(quote.cancellable ? {} : { rejectionReason: quote.rejectionReason }),
      paid: quote.paid,
      refundPolicy: quote.refundPolicy,
      refundPercent: quote.refundPercent,
      refundAmountCents: quote.refundAmountCents,
      currency: booking.currency,
      departureAt: booking.departureAt.toISOString(),
    };
  }
}
