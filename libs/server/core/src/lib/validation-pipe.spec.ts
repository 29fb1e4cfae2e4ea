import { ArgumentMetadata } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, ValidateNested } from 'class-validator';
import { SigapException } from './sigap.exception';
import { sigapValidationPipe } from './validation-pipe';

class FilterDto {
  @IsOptional()
  @IsIn(['me', 'none'], { message: 'holder must be me or none' })
  holder?: string;
}

class BodyDto {
  @IsEmail()
  email!: string;

  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => FilterDto)
  filter!: FilterDto;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: BodyDto };

async function refusal(body: unknown): Promise<SigapException> {
  try {
    await sigapValidationPipe().transform(body, metadata);
  } catch (error) {
    if (error instanceof SigapException) return error;
    throw error;
  }
  throw new Error('the body was accepted');
}

describe('sigapValidationPipe', () => {
  it('names each field, nested ones by their path, without repeating the field in the message', async () => {
    const error = await refusal({ email: 'bukan-email', name: 7, filter: { holder: 'siapa' } });
    expect(error.status).toBe(400);
    expect(error.details).toEqual([
      { field: 'email', message: 'must be an email' },
      { field: 'name', message: 'must be a string' },
      { field: 'filter.holder', message: 'must be me or none' },
    ]);
  });

  it('refuses a field the DTO does not know, by name', async () => {
    const error = await refusal({ email: 'a@b.id', name: 'Ani', filter: {}, role: 'superadmin' });
    expect(error.details).toEqual([{ field: 'role', message: 'is not an accepted field' }]);
  });

  it('lets a valid body through, transformed', async () => {
    const value = await sigapValidationPipe().transform({ email: 'a@b.id', name: 'Ani', filter: { holder: 'me' } }, metadata);
    expect(value).toBeInstanceOf(BodyDto);
    expect(value.filter).toBeInstanceOf(FilterDto);
  });
});
