import { Body, Controller, Get, Headers, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Idempotent } from '@airline/platform';

import { CreateReservationDto } from './create-reservation.dto';
import { ReservationView } from './reservation.view';
import { ReservationsService } from './reservations.service';

@ApiTags('reservations')
@Controller('api/reservations')
export class ReservationsController {
  constructor(private readonly reservations: ReservationsService) {}

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: ReservationView })
  @ApiConflictResponse({ description: 'SEATS_UNAVAILABLE' })
  @ApiNotFoundResponse({ description: 'FLIGHT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'FLIGHT_DEPARTED' })
  async create(
    @Body() request: CreateReservationDto,
  ): Promise<ReservationView> {
    const reservation = await this.reservations.create(request);
    return ReservationView.of(reservation);
  }

  @Get(':locator')
  @ApiHeader({ name: 'X-Last-Name', required: true })
  @ApiOkResponse({ type: ReservationView })
  @ApiNotFoundResponse({ description: 'RESERVATION_NOT_FOUND' })
  async get(
    @Param('locator') locator: string,
    @Headers('x-last-name') lastName = '',
  ): Promise<ReservationView> {
    const reservation = await this.reservations.findForPassenger(
      locator,
      lastName,
    );
    return ReservationView.of(reservation);
  }
}
