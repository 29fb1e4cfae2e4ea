import { ApiProperty } from '@nestjs/swagger';
import type { MentionFollowUpRequest } from '@sigap/contracts';
import { Allow } from 'class-validator';

/** Checked by `FollowUpService`, so every refusal is a field error on `ticketNumber`. */
export class MentionFollowUpDto implements MentionFollowUpRequest {
  @ApiProperty({ type: String, nullable: true, description: 'The ticket this mention follows up; null unlinks it', example: 'BDG-2026-000123' })
  @Allow()
  ticketNumber!: string | null;
}
