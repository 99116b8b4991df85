import { Idempotent, NotFoundError } from '@airline/platform';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';

import { CancellationQuoteView } from './cancellation-quote.view';
import { CancellationView } from './cancellation.view';
import { CancellationsService } from './cancellations.service';
import { CreateCancellationDto } from './create-cancellation.dto';

@ApiTags('cancellations')
@Controller('api/cancellations')
export class CancellationsController {
  constructor(private readonly cancellations: CancellationsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Idempotent()
  @ApiAcceptedResponse({
    type: CancellationView,
    description: 'REQUESTED; follow it with GET /api/cancellations/{id}',
  })
  @ApiNotFoundResponse({ description: 'RESERVATION_NOT_FOUND' })
  async request(
    @Body() request: CreateCancellationDto,
  ): Promise<CancellationView> {
    return CancellationView.of(await this.cancellations.request(request));
  }

  @Get('quote')
  @ApiQuery({ name: 'locator', required: true, example: 'K7M2QX' })
  @ApiHeader({ name: 'X-Last-Name', required: true })
  @ApiOkResponse({
    type: CancellationQuoteView,
    description: 'The refund a cancellation requested now would get',
  })
  @ApiNotFoundResponse({ description: 'RESERVATION_NOT_FOUND' })
  async quote(
    @Query('locator') locator = '',
    @Headers('x-last-name') lastName = '',
  ): Promise<CancellationQuoteView> {
    const { booking, quote } = await this.cancellations.quote(
      locator,
      lastName,
    );
    return CancellationQuoteView.of(booking, quote);
  }

  @Get(':id')
  @ApiHeader({ name: 'X-Last-Name', required: true })
  @ApiOkResponse({ type: CancellationView })
  @ApiNotFoundResponse({ description: 'CANCELLATION_NOT_FOUND' })
  async get(
    @Param(
      'id',
      new ParseUUIDPipe({
        exceptionFactory: () =>
          new NotFoundError(
            'CANCELLATION_NOT_FOUND',
            'No cancellation has this id.',
          ),
      }),
    )
    id: string,
    @Headers('x-last-name') lastName = '',
  ): Promise<CancellationView> {
    return CancellationView.of(
      await this.cancellations.findForPassenger(id, lastName),
    );
  }
}
