import { templateVariablesIn } from '@sigap/contracts';
import { mergeTemplateValues, renderTemplate } from './template-renderer';

const MENTION = {
  nama: 'Siti',
  kecamatan: 'Gedebage',
  nomor_tiket: 'BDG-2026-000123',
  opd: 'Dinas Lingkungan Hidup',
  hotline: '112',
};

describe('reply template renderer', () => {
  it('fills every known variable, each as often as it appears', () => {
    const rendered = renderTemplate('Halo {nama}, laporan {nomor_tiket} di {kecamatan} diteruskan ke {opd}. {nama}, darurat: {hotline}.', MENTION, {
      strict: true,
    });
    expect(rendered).toEqual({
      text: 'Halo Siti, laporan BDG-2026-000123 di Gedebage diteruskan ke Dinas Lingkungan Hidup. Siti, darurat: 112.',
      missing: [],
    });
  });

  it('lists unfilled and unknown variables once each, and leaves them visible', () => {
    const rendered = renderTemplate('Halo {nama} di {kecamatan} {jadwal} {kecamatan}', { nama: 'Siti', kecamatan: '  ' }, { strict: true });
    expect(rendered.missing).toEqual(['kecamatan', 'jadwal']);
    expect(rendered.text).toBe('Halo Siti di {kecamatan} {jadwal} {kecamatan}');
  });

  it('in free text leaves unknown braces alone but still flags known variables without value', () => {
    expect(renderTemplate('Format {kode} ya, {nama}', {}, { strict: false })).toEqual({ text: 'Format {kode} ya, {nama}', missing: ['nama'] });
    expect(renderTemplate('Format {kode} ya, {nama}', { nama: 'Ujang' }, { strict: false })).toEqual({ text: 'Format {kode} ya, Ujang', missing: [] });
  });

  it('never expands a placeholder inside a value', () => {
    expect(renderTemplate('Halo {nama} dari {opd}', { nama: '{opd}', opd: 'DLH' }, { strict: true }).text).toBe('Halo {opd} dari DLH');
  });

  it('ignores text that only looks like a placeholder', () => {
    expect(renderTemplate('{ nama } {Nama} {} {1a}', {}, { strict: true })).toEqual({ text: '{ nama } {Nama} {} {1a}', missing: [] });
  });

  it('lets the caller override or fill known variables, and reports unknown ones', () => {
    const merged = mergeTemplateValues({ nama: 'warga_123', kecamatan: null }, { kecamatan: ' Cibiru ', nama: '', jadwal: 'besok' });
    expect(merged.values).toEqual({ nama: 'warga_123', kecamatan: 'Cibiru' });
    expect(merged.unknown).toEqual(['jadwal']);
  });

  it('finds the variables a body uses, in order', () => {
    expect(templateVariablesIn('{opd}: {nama} {opd} {x_1}')).toEqual(['opd', 'nama', 'x_1']);
  });
});
