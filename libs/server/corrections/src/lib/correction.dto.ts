import { ApiPropertyOptional } from '@nestjs/swagger';
import { URGENCIES, type MentionCorrectionRequest, type Urgency } from '@sigap/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, Matches } from 'class-validator';

export const MAX_CORRECTED_OPDS = 5;

export class CorrectMentionDto implements MentionCorrectionRequest {
  @ApiPropertyOptional({ enum: URGENCIES, description: 'The urgency the mention should have had' })
  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  @ApiPropertyOptional({ type: [String], description: 'OPD codes, most responsible first (an empty list: no unit)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CORRECTED_OPDS)
  @ArrayUnique()
  @Matches(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, { each: true, message: 'each OPD must be a code such as DLH or EXT-PLN' })
  opd?: string[];
}
