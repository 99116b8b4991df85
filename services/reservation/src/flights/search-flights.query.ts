import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
} from 'class-validator';

export class SearchFlightsQuery {
  @ApiPropertyOptional({ example: 'LHR', description: 'IATA airport code' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'origin must be a 3-letter IATA code' })
  origin?: string;

  @ApiPropertyOptional({ example: 'JFK', description: 'IATA airport code' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, {
    message: 'destination must be a 3-letter IATA code',
  })
  destination?: string;

  @ApiPropertyOptional({
    example: '2026-12-24',
    description: 'UTC departure date',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'date must be a real date' })
  date?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}
