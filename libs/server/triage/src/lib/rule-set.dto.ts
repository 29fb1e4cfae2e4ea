import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RULE_SET_LIMITS } from '@sigap/contracts';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SaveRuleSetDraftDto {
  @ApiProperty({ description: 'The whole rule set (the engine\'s RuleSet) as JSON', type: 'object', additionalProperties: true })
  @IsObject()
  content: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'What the draft changes and why' })
  @IsOptional()
  @IsString()
  @MaxLength(RULE_SET_LIMITS.maxNotesLength)
  notes?: string;
}

export class TryRuleSetDraftDto {
  @ApiPropertyOptional({ description: 'How many of the most recent mentions to try', default: RULE_SET_LIMITS.defaultTrialSize })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(RULE_SET_LIMITS.maxTrialSize)
  limit?: number;
}

export class PublishRuleSetDraftDto {
  @ApiProperty({ description: 'What changed and why; shown in the version history' })
  @IsString()
  @Matches(/\S/, { message: 'notes must not be blank' })
  @MaxLength(RULE_SET_LIMITS.maxNotesLength)
  notes: string;
}

export class RollbackRuleSetDto {
  @ApiPropertyOptional({ description: 'Why the older version comes back' })
  @IsOptional()
  @IsString()
  @MaxLength(RULE_SET_LIMITS.maxNotesLength)
  notes?: string;
}
