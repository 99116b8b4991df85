import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateCancellationDto {
  @ApiProperty({ example: 'K7M2QX' })
  @IsString()
  @Matches(/^[A-Za-z2-9]{6}$/, { message: 'locator must be 6 characters' })
  locator: string;

  @ApiProperty({ example: 'Lovelace' })
  @IsString()
  @Length(1, 100)
  lastName: string;

  @ApiPropertyOptional({ example: 'Plans changed', maxLength: 500 })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  reason?: string;
}
