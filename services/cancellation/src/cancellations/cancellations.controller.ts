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
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

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
