import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MENTION_STATUSES, type MentionStatus, type MentionStatusRequest } from '@sigap/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class MentionStatusDto implements MentionStatusRequest {
  @ApiProperty({ enum: MENTION_STATUSES })
  @IsIn(MENTION_STATUSES)
  status!: MentionStatus;

  @ApiPropertyOptional({ description: 'Why the status changed; kept in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
