import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreateChannelKeyRequest, UpdateChannelRequest } from '@sigap/contracts';
import { Allow } from 'class-validator';

// Fields are only allowed here (unknown ones are still refused by the global pipe); the service
// checks types and values, so every 400 names its field.

export class UpdateChannelDto implements UpdateChannelRequest {
  @ApiPropertyOptional({ example: 'X (Twitter)', description: '1-80 characters' })
  @Allow()
  label?: string;

  @ApiPropertyOptional({ example: '@humasbdg', nullable: true, type: String, description: "The city's account on the platform, at most 200 characters; null or '' clears it" })
  @Allow()
  account?: string | null;

  @ApiPropertyOptional({ description: 'false: the ingest API refuses this channel’s mentions (per item) and stores none' })
  @Allow()
  enabled?: boolean;
}

export class CreateChannelKeyDto implements CreateChannelKeyRequest {
  @ApiProperty({ example: 'Konektor X produksi', description: 'What the key is for, 1-100 characters' })
  @Allow()
  name!: string;
}
