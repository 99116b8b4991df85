import { ApiProperty } from '@nestjs/swagger';

import { Flight } from './flight.entity';

export class FlightView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'AL100' }) flightNumber: string;
  @ApiProperty({ example: 'LHR' }) origin: string;
  @ApiProperty({ example: 'JFK' }) destination: string;
  @ApiProperty({ format: 'date-time' }) departureAt: string;
  @ApiProperty({ format: 'date-time' }) arrivalAt: string;
  @ApiProperty({ example: 45900 }) fareCents: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 280 }) seatsTotal: number;
  @ApiProperty({ example: 112 }) seatsAvailable: number;

  static of(flight: Flight): FlightView {
    return {
      id: flight.id,
      flightNumber: flight.flightNumber,
      origin: flight.origin,
      destination: flight.destination,
      departureAt: flight.departureAt.toISOString(),
      arrivalAt: flight.arrivalAt.toISOString(),
      fareCents: flight.fareCents,
      currency: flight.currency,
      seatsTotal: flight.seatsTotal,
      seatsAvailable: flight.seatsAvailable,
    };
  }
}
