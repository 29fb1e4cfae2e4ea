import { ApiPropertyOptional } from '@nestjs/swagger';
import { MENTION_SORTS, type MentionQuery, type MentionSort } from '@sigap/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MentionFilterDto } from './mention-filter.dto';

/** `GET /mentions`: the shared reading filter plus paging. */
export class MentionQueryDto extends MentionFilterDto implements MentionQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: MENTION_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(MENTION_SORTS)
  sort?: MentionSort;
}
