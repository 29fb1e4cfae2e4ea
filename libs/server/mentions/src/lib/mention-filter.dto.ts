import { ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNELS, MENTION_STATUSES, OPD_CODE_PATTERN, URGENCIES, type Channel, type MentionBulkFilter, type MentionStatus, type Urgency } from '@sigap/contracts';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const PERSON_FILTER = /^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Accepts `a,b` as well as repeated `?x=a&x=b` (and, in a JSON body, an array). */
const toList = ({ value }: { value: unknown }): string[] | undefined => {
  if (value === undefined || value === '') return undefined;
  const values = Array.isArray(value) ? value : [value];
  return values
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
};

/**
 * The reading filter of mentions, validated once for every request that takes one: the query of
 * `GET /mentions` and the `filter` of `POST /mentions/bulk` extend it, so both accept the same.
 */
export class MentionFilterDto implements MentionBulkFilter {
  @ApiPropertyOptional({ description: 'comma-separated', example: 'critical,high' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(URGENCIES, { each: true })
  urgency?: Urgency[];

  @ApiPropertyOptional({ description: 'OPD or kewilayahan codes, comma-separated', example: 'DISKARPB,KEC-3273101' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @Matches(/^[A-Z0-9-]{2,32}$/, { each: true })
  opd?: string[];

  @ApiPropertyOptional({ example: 'x,instagram' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  channel?: Channel[];

  @ApiPropertyOptional({ description: 'KEC-<BPS code> or the BPS code', example: 'KEC-3273101' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @Matches(/^(KEC-)?\d{7}$/, { each: true })
  kecamatan?: string[];

  @ApiPropertyOptional({ example: 'baru' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(MENTION_STATUSES, { each: true })
  status?: MentionStatus[];

  @ApiPropertyOptional({ description: 'free text, matched in the text and the author handle' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: '`me`, `none` (held by nobody) or a user id', example: 'me' })
  @IsOptional()
  @Matches(PERSON_FILTER, { message: 'holder must be me, none or a user id' })
  holder?: string;

  @ApiPropertyOptional({ description: '`me`, `none` (assigned to nobody) or a user id', example: 'none' })
  @IsOptional()
  @Matches(PERSON_FILTER, { message: 'assignee must be me, none or a user id' })
  assignee?: string;

  @ApiPropertyOptional({ description: 'mentions carrying this label', example: 'banjir-2026' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  label?: string;

  @ApiPropertyOptional({ description: '`1`: escalated at least one step; `0`: never escalated', enum: ['0', '1'] })
  @IsOptional()
  @IsIn(['0', '1'])
  escalated?: '0' | '1';

  @ApiPropertyOptional({ description: 'forwarded away ("bukan wewenang") from this OPD in the last 24 hours (the board\'s bounce count)', example: 'DLH' })
  @IsOptional()
  @Matches(OPD_CODE_PATTERN, { message: 'forwardedFrom must be an OPD code' })
  forwardedFrom?: string;
}
