import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BULK_ACTION_KINDS, BULK_MAX_ITEMS, MENTION_STATUSES, type MentionBulkActionKind, type MentionStatus } from '@sigap/contracts';
import { MentionFilterDto } from '@sigap/server/mentions';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class MentionAssignDto {
  @ApiProperty({ nullable: true, description: 'An active admin of one of its OPDs; null removes the assignment' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  userId!: string | null;
}

/** The same reading filter as `GET /mentions` (one set of validators, in the mentions domain). */
export class BulkFilterDto extends MentionFilterDto {}

/**
 * The action, flat for validation: `kind` says which fields apply. A new kind (e.g. `reply` with
 * `templateId` and `variables`) adds its fields here and a handler in BulkService.
 */
export class BulkActionDto {
  @ApiProperty({ enum: BULK_ACTION_KINDS })
  @IsIn(BULK_ACTION_KINDS)
  kind!: MentionBulkActionKind;

  @ApiPropertyOptional({ nullable: true, description: 'assign: the admin, or null to unassign' })
  @ValidateIf((action: BulkActionDto) => action.kind === 'assign' && action.userId !== null)
  @IsUUID()
  userId?: string | null;

  @ApiPropertyOptional({ enum: MENTION_STATUSES, description: 'status: the new status' })
  @ValidateIf((action: BulkActionDto) => action.kind === 'status')
  @IsIn(MENTION_STATUSES)
  status?: MentionStatus;

  @ApiPropertyOptional({ description: 'status: why (required for bukan_wewenang)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: 'status bukan_wewenang: the OPD it is forwarded to' })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{2,40}$/)
  forwardTo?: string;

  @ApiPropertyOptional({ description: 'tag: labels to add', example: ['banjir'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { each: true, message: 'labels are lower-case letters, digits, "-" or "_" (1-40)' })
  add?: string[];

  @ApiPropertyOptional({ description: 'tag: labels to remove' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { each: true, message: 'labels are lower-case letters, digits, "-" or "_" (1-40)' })
  remove?: string[];

  @ApiPropertyOptional({ description: 'reply: the template every mention is answered with' })
  @ValidateIf((action: BulkActionDto) => action.kind === 'reply')
  @IsUUID()
  templateId?: string;

  @ApiPropertyOptional({ description: 'reply: values filling or overriding the template variables, the same for every mention' })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;
}

export class MentionBulkDto {
  @ApiPropertyOptional({ type: [String], maxItems: BULK_MAX_ITEMS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BULK_MAX_ITEMS)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ids?: string[];

  @ApiPropertyOptional({ type: BulkFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BulkFilterDto)
  filter?: BulkFilterDto;

  @ApiProperty({ type: BulkActionDto })
  @ValidateNested()
  @Type(() => BulkActionDto)
  action!: BulkActionDto;
}
