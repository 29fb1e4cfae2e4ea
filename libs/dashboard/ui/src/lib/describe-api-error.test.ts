import { beforeEach, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { initI18n } from './i18n/i18n';
import { describeApiError } from './describe-api-error';

/** Shaped like data-access's ApiError: an Error with status, code and details. */
const apiError = (status: number, code: string | null, message: string, details?: unknown): Error =>
  Object.assign(new Error(message), { name: 'ApiError', status, code, details });

describe('describeApiError', () => {
  let t: TFunction;
  beforeEach(() => {
    t = initI18n('id').t;
  });

  it.each([
    ['UNAUTHENTICATED', 401, 'Sesi Anda berakhir. Silakan masuk lagi.'],
    ['INVALID_API_KEY', 401, 'Sesi Anda berakhir. Silakan masuk lagi.'],
    ['FORBIDDEN', 403, 'Anda tidak punya akses untuk tindakan ini.'],
    ['NOT_FOUND', 404, 'Data tidak ditemukan atau di luar OPD Anda.'],
    ['CONFLICT', 409, 'Data ini sudah berubah atau bentrok dengan data lain. Muat ulang lalu coba lagi.'],
    ['TOO_MANY_REQUESTS', 429, 'Terlalu banyak percobaan; coba lagi sebentar lagi.'],
    ['UNAVAILABLE', 503, 'Layanan sedang tidak tersedia. Coba lagi sebentar lagi.'],
    ['INTERNAL', 500, 'Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin.'],
    ['VALIDATION_FAILED', 400, 'Isian belum benar.'],
    ['INVALID_JSON', 400, 'Permintaan tidak dapat dibaca server.'],
    ['PAYLOAD_TOO_LARGE', 413, 'Data yang dikirim terlalu besar.'],
  ])('says %s in Indonesian, never the server English', (code, status, sentence) => {
    const text = describeApiError(apiError(status, code, 'this action needs one of the roles: superadmin'), t);
    expect(text).toBe(sentence);
    expect(text).not.toContain('superadmin');
  });

  it('falls back on the HTTP status when the body had no code', () => {
    expect(describeApiError(apiError(403, null, 'Forbidden'), t)).toBe('Anda tidak punya akses untuk tindakan ini.');
    expect(describeApiError(apiError(502, null, 'Bad Gateway'), t)).toBe('Layanan sedang tidak tersedia. Coba lagi sebentar lagi.');
  });

  it('names who holds a claimed mention', () => {
    const error = apiError(409, 'CONFLICT', 'someone else holds this mention', { holder: { id: 'u1', name: 'Rina Kusuma' } });
    expect(describeApiError(error, t)).toBe('Sudah diklaim oleh Rina Kusuma.');
  });

  it('says nobody holds a mention when the holder is null', () => {
    expect(describeApiError(apiError(409, 'CONFLICT', 'nobody holds this mention', { holder: null }), t)).toBe('Belum ada yang mengklaim laporan ini.');
  });

  it('names a refused status transition with the translated status names', () => {
    const error = apiError(409, 'CONFLICT', 'a mention that is "selesai" cannot become "ditangani"', { from: 'selesai', to: 'ditangani' });
    expect(describeApiError(error, t)).toBe('Status Selesai tidak bisa menjadi Ditangani.');
  });

  it('lists the refused fields with their Indonesian labels, or the field name when none is known', () => {
    const error = apiError(400, 'VALIDATION_FAILED', 'validation failed', [
      { field: 'reason', message: 'is required' },
      { field: 'content.topics.2.keywords.1.weight', message: 'must be positive' },
      { field: 'content.signals', message: 'must be a list' },
      { field: 'shiftColour', message: 'unknown' },
    ]);
    expect(describeApiError(error, t)).toBe('Periksa isian: alasan, isi, shiftColour.');
  });

  it('names the clashing field of a conflict with field details', () => {
    const error = apiError(409, 'CONFLICT', 'a user with this e-mail already exists', [{ field: 'email', message: 'is already used by another user' }]);
    expect(describeApiError(error, t)).toBe('Isian bentrok dengan data yang sudah ada: email.');
  });

  it('gives the wait of a throttled sign-in in seconds', () => {
    const error = apiError(429, 'TOO_MANY_REQUESTS', 'too many failed sign-ins; try again in 42 seconds', { retryAfterSeconds: 42 });
    expect(describeApiError(error, t)).toBe('Terlalu banyak percobaan masuk; coba lagi dalam 42 detik.');
  });

  it('says the server could not be reached on a network failure', () => {
    expect(describeApiError(apiError(0, 'NETWORK', 'Failed to fetch'), t)).toBe('Tidak dapat menghubungi server. Periksa koneksi Anda.');
  });

  it('falls back on a generic sentence for anything else', () => {
    expect(describeApiError(new TypeError('Unexpected token < in JSON'), t)).toBe('Permintaan gagal. Coba lagi.');
    expect(describeApiError(apiError(418, 'TEAPOT', "I'm a teapot"), t)).toBe('Permintaan gagal. Coba lagi.');
    expect(describeApiError(null, t)).toBe('Permintaan gagal. Coba lagi.');
  });

  it('speaks English when the dashboard is in English', () => {
    const english = initI18n('en').t;
    expect(describeApiError(apiError(403, 'FORBIDDEN', 'nope'), english)).toBe('You do not have access to this action.');
    expect(describeApiError(apiError(409, 'CONFLICT', 'x', { from: 'selesai', to: 'baru' }), english)).toMatch(/^Status .+ cannot become .+\.$/);
  });
});
