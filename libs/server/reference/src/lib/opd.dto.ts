import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPD_KINDS, type CreateOpdRequest, type OpdKind, type UpdateOpdRequest } from '@sigap/contracts';
import { IsBoolean, IsOptional, IsString } from 'class-validator';

// Only types are checked here; the service checks the values so a 400 names its field.

export class CreateOpdDto implements CreateOpdRequest {
  @ApiProperty({ example: 'DISPUSIP', description: 'Upper-case letters, digits and "-", 2-40 characters; never changes' })
  @IsString()
  code!: string;

  @ApiProperty({ example: 'Dinas Perpustakaan dan Kearsipan' })
  @IsString()
  name!: string;

  @ApiProperty({ enum: OPD_KINDS })
  @IsString()
  kind!: OpdKind;
}

export class UpdateOpdDto implements UpdateOpdRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'false: kept for history, refused as a new routing target' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
