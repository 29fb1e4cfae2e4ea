import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_MAX_LENGTH, type NoteCreateRequest } from '@sigap/contracts';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class NoteCreateDto implements NoteCreateRequest {
  @ApiProperty({ description: 'The note; `@handle` (a colleague\'s e-mail local part) notifies them', maxLength: NOTE_MAX_LENGTH, example: 'Sudah dicek lapangan, @budi.s tolong konfirmasi' })
  @IsString()
  @MinLength(1)
  @MaxLength(NOTE_MAX_LENGTH)
  text!: string;
}

export class MentionableQueryDto {
  @ApiProperty({ description: 'The mention the note is about: only people who may see it are offered' })
  @IsUUID()
  mentionId!: string;

  @ApiPropertyOptional({ description: 'Prefix of a name, a word of the name, or a handle' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
