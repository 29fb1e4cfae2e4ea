import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { OPD_CODE_PATTERN, ROLES, type CreateUserRequest, type Role, type UpdateUserRequest } from '@sigap/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const WHATSAPP_NUMBER = /^\+?[0-9]{8,15}$/;

// Password length is checked by the service, so the answer names the field like the other rules.
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'admin.dlh@bandung.go.id' })
  @IsEmail()
  @MaxLength(256)
  email!: string;

  @ApiProperty({ example: 'Rina (DLH)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ type: [String], example: ['DLH'] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(OPD_CODE_PATTERN, { each: true })
  opds!: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  trainee?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 1000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  capacity?: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(64)
  telegramChatId?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '+6281234567890' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Matches(WHATSAPP_NUMBER, { message: 'whatsappNumber must be 8-15 digits, optionally starting with +' })
  whatsappNumber?: string | null;
}

/** Every field of a new user may be changed alone; a new password ends every session of the user. */
export class UpdateUserDto extends PartialType(CreateUserDto) implements UpdateUserRequest {
  @ApiPropertyOptional({ description: 'A disabled user cannot sign in; their sessions end at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
