import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export class NotificationListQueryDto {
  @ApiPropertyOptional({ description: '`1` for unread ones only', enum: ['0', '1', 'true', 'false'] })
  @IsOptional()
  @IsIn(['0', '1', 'true', 'false'])
  unread?: string;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class NotificationReadDto {
  @ApiPropertyOptional({ type: [Number], description: 'Ids of own notifications to mark read' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];

  @ApiPropertyOptional({ description: '`true`: mark every own notification read' })
  @IsOptional()
  @IsIn([true])
  all?: boolean;
}
