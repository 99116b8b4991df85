import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { Payment, PaymentStatus } from './payment.entity';
import { Refund } from './refund.entity';

export class CardView {
  @ApiProperty({ example: 'visa' }) brand: string;
  @ApiProperty({ example: '4242' }) last4: string;
}

export class PaymentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'K7M2QX' }) locator: string;
  @ApiProperty({ enum: ['CAPTURED', 'DECLINED'] }) status: PaymentStatus;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ type: CardView }) card: CardView;
  @ApiPropertyOptional({ example: 'card_declined' }) declineReason?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(payment: Payment): PaymentView {
    return {
      id: payment.id,
      locator: payment.locator,
      status: payment.status,
      amountCents: payment.amountCents,
      currency: payment.currency,
      card: { brand: payment.cardBrand, last4: payment.cardLast4 },
      ...(payment.declineReason
        ? { declineReason: payment.declineReason }
        : {}),
      createdAt: payment.createdAt.toISOString(),
    };
  }
}

export class RefundView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) paymentId: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  cancellationId: string | null;
  @ApiProperty() amountCents: number;
  @ApiProperty() currency: string;
  @ApiProperty({ example: 'cancellation' }) reason: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(refund: Refund): RefundView {
    return {
      id: refund.id,
      paymentId: refund.paymentId,
      cancellationId: refund.cancellationId,
      amountCents: refund.amountCents,
      currency: refund.currency,
      reason: refund.reason,
      createdAt: refund.createdAt.toISOString(),
    };
  }
}

export class BookingPaymentsView {
  @ApiProperty() locator: string;
  @ApiProperty({ type: [PaymentView] }) payments: PaymentView[];
  @ApiProperty({ type: [RefundView] }) refunds: RefundView[];
}
