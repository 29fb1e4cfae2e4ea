import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MENTION_STATUSES, type MentionClaimRequest, type MentionStatus, type MentionStatusRequest } from '@sigap/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class MentionStatusDto implements MentionStatusRequest {
  @ApiProperty({ enum: MENTION_STATUSES })
  @IsIn(MENTION_STATUSES)
  status!: MentionStatus;

  @ApiPropertyOptional({ description: 'Why the status changed; required for bukan_wewenang; kept in the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'With bukan_wewenang: the OPD code it is forwarded to', example: 'DINKES' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  forwardTo?: string;
}

export class MentionClaimDto implements MentionClaimRequest {
  @ApiPropertyOptional({ description: 'Also claim the unclaimed mentions of its near-duplicate cluster' })
  @IsOptional()
  @IsBoolean()
  cluster?: boolean;
}
