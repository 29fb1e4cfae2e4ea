import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TEMPLATE_SCOPES,
  type CreateReplyTemplateRequest,
  type RenderTemplateRequest,
  type ReplyTemplateQuery,
  type TemplateScope,
  type UpdateReplyTemplateRequest,
} from '@sigap/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

const OPD_CODE = /^[A-Z0-9-]{2,40}$/;
const toBoolean = ({ value }: { value: unknown }) => (value === undefined ? undefined : value === true || value === 'true' || value === '1');

export class ReplyTemplateQueryDto implements ReplyTemplateQuery {
  @ApiPropertyOptional({ description: 'Words in the title, body or category' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  category?: string;

  @ApiPropertyOptional({ description: 'Only templates of this OPD', example: 'DLH' })
  @IsOptional()
  @Matches(OPD_CODE)
  opd?: string;

  @ApiPropertyOptional({ description: 'Only templates applicable to this mention, incident-scoped ones first' })
  @IsOptional()
  @IsString()
  mentionId?: string;

  @ApiPropertyOptional({ description: 'Also list archived templates' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeArchived?: boolean;
}

export class CreateReplyTemplateDto implements CreateReplyTemplateRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'May use {nama}, {kecamatan}, {nomor_tiket}, {opd}, {hotline}' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body!: string;

  @ApiProperty({ example: 'banjir' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  category!: string;

  @ApiProperty({ enum: TEMPLATE_SCOPES })
  @IsIn(TEMPLATE_SCOPES)
  scope!: TemplateScope;

  @ApiPropertyOptional({ description: "Required with scope 'opd'" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(OPD_CODE)
  opdCode?: string | null;

  @ApiPropertyOptional({ description: "Required with scope 'incident': the incident's cluster id" })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  incidentId?: string | null;
}

export class UpdateReplyTemplateDto implements UpdateReplyTemplateRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  body?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  category?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_SCOPES })
  @IsOptional()
  @IsIn(TEMPLATE_SCOPES)
  scope?: TemplateScope;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(OPD_CODE)
  opdCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  incidentId?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class RenderTemplateDto implements RenderTemplateRequest {
  @ApiProperty()
  @IsString()
  mentionId!: string;

  @ApiPropertyOptional({ description: 'Values filling or overriding the variables', example: { kecamatan: 'Gedebage' } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, string>;
}
