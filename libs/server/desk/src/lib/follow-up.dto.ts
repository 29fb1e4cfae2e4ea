import { ApiProperty } from '@nestjs/swagger';
import type { MentionFollowUpRequest } from '@sigap/contracts';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

export class MentionFollowUpDto implements MentionFollowUpRequest {
  @ApiProperty({ type: String, nullable: true, description: 'The ticket this mention follows up; null unlinks it', example: 'BDG-2026-000123' })
  @ValidateIf((dto: MentionFollowUpDto) => dto.ticketNumber !== null)
  @IsString()
  @MaxLength(64)
  ticketNumber!: string | null;
}
