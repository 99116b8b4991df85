import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';

/** Letters of any script, spaces, apostrophes, dots and hyphens. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u;

export class PassengerDto {
  @ApiProperty({ example: 'Ada' })
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'firstName must be a name' })
  firstName: string;

  @ApiProperty({ example: 'Lovelace' })
  @IsString()
  @Length(1, 100)
  @Matches(NAME, { message: 'lastName must be a name' })
  lastName: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @Length(3, 254)
  email: string;
}

export class CreateReservationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  flightId: string;

  @ApiProperty({ type: [PassengerDto], minItems: 1, maxItems: 9 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @ValidateNested({ each: true })
  @Type(() => PassengerDto)
  passengers: PassengerDto[];
}
