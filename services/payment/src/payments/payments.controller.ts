import { Idempotent } from '@airline/platform';
import {
  Body,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { NotFoundError } from '@airline/platform';

import { CreatePaymentDto } from './create-payment.dto';
import { BookingPaymentsView, PaymentView, RefundView } from './payment.view';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller('api/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({
    type: PaymentView,
    description: 'CAPTURED or DECLINED',
  })
  @ApiNotFoundResponse({ description: 'RESERVATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'RESERVATION_NOT_PAYABLE' })
  async pay(@Body() request: CreatePaymentDto): Promise<PaymentView> {
    return PaymentView.of(await this.payments.pay(request));
  }

  @Get()
  @ApiQuery({ name: 'locator', required: true })
  @ApiHeader({ name: 'X-Last-Name', required: true })
  @ApiOkResponse({ type: BookingPaymentsView })
  async list(
    @Query('locator') locator = '',
    @Headers('x-last-name') lastName = '',
  ): Promise<BookingPaymentsView> {
    const { payments, refunds } = await this.payments.listForBooking(
      locator,
      lastName,
    );
    return {
      locator: locator.toUpperCase(),
      payments: payments.map(PaymentView.of),
      refunds: refunds.map(RefundView.of),
    };
  }

  @Get(':id')
  @ApiHeader({ name: 'X-Last-Name', required: true })
  @ApiOkResponse({ type: PaymentView })
  @ApiNotFoundResponse({ description: 'PAYMENT_NOT_FOUND' })
  async get(
    @Param(
      'id',
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new NotFoundError('PAYMENT_NOT_FOUND', 'No payment has this id.'),
      }),
    )
    id: string,
    @Headers('x-last-name') lastName = '',
  ): Promise<PaymentView> {
    return PaymentView.of(await this.payments.findForPassenger(id, lastName));
  }
}
