import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateChannelKeyRequest, UpdateChannelRequest } from '@sigap/contracts';
import { IsBoolean, IsOptional, IsString, ValidateIf } from 'class-validator';

// Only types are checked here; the service checks the values so a 400 names its field.

export class UpdateChannelDto implements UpdateChannelRequest {
  @ApiPropertyOptional({ example: 'X (Twitter)', description: '1-80 characters' })
  @IsOptional()
  @IsString()
  label?: string;

  @ApiPropertyOptional({ example: '@humasbdg', nullable: true, description: "The city's account on the platform; null or '' clears it" })
  @IsOptional()
  @ValidateIf((dto: UpdateChannelDto) => dto.account !== null)
  @IsString()
  account?: string | null;

  @ApiPropertyOptional({ description: 'false: the ingest API refuses (per item) and never stores this channel’s mentions' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class CreateChannelKeyDto implements CreateChannelKeyRequest {
  @ApiProperty({ example: 'Konektor X produksi', description: 'What the key is for, 1-100 characters' })
  @IsString()
  name!: string;
}
