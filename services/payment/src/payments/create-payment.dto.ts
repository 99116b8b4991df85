import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class CardDto {
  @ApiProperty({ example: '4242 4242 4242 4242' })
  @IsString()
  @Matches(/^[\d -]{12,23}$/, { message: 'card.number must be 12-19 digits' })
  number: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  expiryMonth: number;

  @ApiProperty({ example: 2030 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  expiryYear: number;

  @ApiProperty({ example: '123' })
  @IsString()
  @Matches(/^\d{3,4}$/, { message: 'card.cvc must be 3 or 4 digits' })
  cvc: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 100)
  holderName: string;
}

export class CreatePaymentDto {
  @ApiProperty({ example: 'K7M2QX' })
  @IsString()
  @Matches(/^[A-Za-z2-9]{6}$/, { message: 'locator must be 6 characters' })
  locator: string;

  @ApiProperty({ example: 'Lovelace' })
  @IsString()
  @Length(1, 100)
  lastName: string;

  @ApiProperty({ type: CardDto })
  @ValidateNested()
  @Type(() => CardDto)
  card: CardDto;
}
