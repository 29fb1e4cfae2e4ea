import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { APPROVAL_DECISIONS, REPLY_MAX_LENGTH, type ApprovalDecision, type ApprovalDecisionRequest, type CreateReplyRequest } from '@sigap/contracts';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, IsUrl, MaxLength } from 'class-validator';

export class CreateReplyDto implements CreateReplyRequest {
  @ApiPropertyOptional({ description: 'Free text (known variables like {nama} are filled too)', maxLength: REPLY_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REPLY_MAX_LENGTH)
  text?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ description: 'Values filling or overriding the template variables' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;

  @ApiPropertyOptional({ description: 'Already answered by hand on the platform; `link` to that answer is required' })
  @IsOptional()
  @IsBoolean()
  direct?: boolean;

  @ApiPropertyOptional({ example: 'https://x.com/pemkotbandung/status/123' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'link must be an http(s) URL' })
  @MaxLength(2048)
  link?: string;
}

export class ApprovalDecisionDto implements ApprovalDecisionRequest {
  @ApiProperty({ enum: APPROVAL_DECISIONS })
  @IsIn(APPROVAL_DECISIONS)
  decision!: ApprovalDecision;

  @ApiPropertyOptional({ description: 'With approve: the edited text to send instead', maxLength: REPLY_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REPLY_MAX_LENGTH)
  text?: string;

  @ApiPropertyOptional({ description: 'Required with return: what the author should change' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}
