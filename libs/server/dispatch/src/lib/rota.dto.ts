import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROTA_ROLES, type RotaQuery, type RotaRole, type RotaShiftRequest } from '@sigap/contracts';
import { IsIn, IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';

const OPD_CODE = /^[A-Z0-9-]{2,40}$/;

export class RotaShiftDto implements RotaShiftRequest {
  @ApiProperty({ example: 'DLH' })
  @Matches(OPD_CODE)
  opdCode!: string;

  @ApiProperty()
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '2026-12-01T00:00:00+07:00' })
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty({ example: '2026-12-01T08:00:00+07:00' })
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ enum: ROTA_ROLES })
  @IsIn(ROTA_ROLES)
  roleInShift!: RotaRole;
}

export class RotaQueryDto implements RotaQuery {
  @ApiPropertyOptional({ example: 'DLH' })
  @IsOptional()
  @Matches(OPD_CODE)
  opd?: string;

  @ApiPropertyOptional({ description: 'default: now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'default: from + 7 days' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class OnCallQueryDto {
  @ApiPropertyOptional({ example: 'DLH' })
  @IsOptional()
  @Matches(OPD_CODE)
  opd?: string;
}
