import { describe, expect, it } from 'vitest';
import { initI18n } from './i18n/i18n';
import { fieldErrorsOf, translateFieldMessage } from './field-errors';

describe('field errors from the API', () => {
  const id = initI18n('id');
  const t = id.t.bind(id);

  it('reads the messages the API sends in Bahasa Indonesia, with their numbers and codes', () => {
    // Exactly as the services and the validation pipe write them.
    expect(translateFieldMessage(t, 'required')).toBe('wajib diisi');
    expect(translateFieldMessage(t, 'must be at least 10 characters')).toBe('minimal 10 karakter');
    expect(translateFieldMessage(t, 'must be 2-200 characters')).toBe('harus 2–200 karakter');
    expect(translateFieldMessage(t, 'must be text of at most 200 characters, or null')).toBe('maksimal 200 karakter');
    expect(translateFieldMessage(t, 'DISTARU is inactive')).toBe('DISTARU sudah nonaktif');
    expect(translateFieldMessage(t, 'inactive OPD code(s): KEC-1, KEC-2')).toBe('OPD nonaktif: KEC-1, KEC-2');
    expect(translateFieldMessage(t, 'is not a known OPD code')).toBe('kode OPD tidak dikenal');
    expect(translateFieldMessage(t, 'must be a whole number from 1 to 604800')).toBe('harus bilangan bulat 1–604800');
    expect(translateFieldMessage(t, 'is not an accepted field')).toBe('isian ini tidak dikenal server');
    expect(translateFieldMessage(t, 'you cannot disable your own account')).toBe('Anda tidak dapat menonaktifkan akun sendiri');
  });

  it('shows a message of unknown shape as the server wrote it', () => {
    expect(translateFieldMessage(t, 'labels are lower-case letters, digits, "-" or "_" (1-40)')).toBe('labels are lower-case letters, digits, "-" or "_" (1-40)');
  });

  it('keys the details by field, nested paths included, and ignores what is not a field error', () => {
    const error = {
      status: 400,
      details: [{ field: 'slaSeconds.critical', message: 'must be a whole number from 1 to 604800' }, { field: 'email', message: 'must be an email' }, 'not an entry', null],
    };
    expect(fieldErrorsOf(error, t)).toEqual({ 'slaSeconds.critical': 'harus bilangan bulat 1–604800', email: 'harus alamat email yang benar' });
    expect(fieldErrorsOf(new Error('network'), t)).toEqual({});
    expect(fieldErrorsOf(null, t)).toEqual({});
  });
});
