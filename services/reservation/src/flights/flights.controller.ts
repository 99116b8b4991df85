import { NotFoundError } from '@airline/platform';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { DataSource, FindOptionsWhere, MoreThan, Between } from 'typeorm';

import { Flight } from './flight.entity';
import { FlightView } from './flight.view';
import { SearchFlightsQuery } from './search-flights.query';

@ApiTags('flights')
@Controller('api/flights')
export class FlightsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: [FlightView], description: 'In departure order' })
  async search(@Query() query: SearchFlightsQuery): Promise<FlightView[]> {
    const where: FindOptionsWhere<Flight> = {
      departureAt: query.date ? dayOf(query.date) : MoreThan(new Date()),
    };
    if (query.origin) where.origin = query.origin;
    if (query.destination) where.destination = query.destination;

    const flights = await this.dataSource.getRepository(Flight).find({
      where,
      order: { departureAt: 'ASC', flightNumber: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return flights.map(FlightView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: FlightView })
  @ApiNotFoundResponse({ description: 'FLIGHT_NOT_FOUND' })
  async get(@Param('id') id: string): Promise<FlightView> {
    const flight = isUUID(id)
      ? await this.dataSource.getRepository(Flight).findOneBy({ id })
      : null;
    if (!flight) {
      throw new NotFoundError('FLIGHT_NOT_FOUND', 'No flight has this id.');
    }
    return FlightView.of(flight);
  }
}

function dayOf(date: string) {
  const start = new Date(`${date}T00:00:00.000Z`);
  const end = new Date(start.getTime() + 86_400_000 - 1);
  return Between(start, end);
}
