import { csvField, csvRow } from './csv';
import { parse as parseCsv } from 'csv-parse/sync';

describe('csv', () => {
  it('leaves plain values as they are and writes nothing for null', () => {
    expect(csvField('mention.claim')).toBe('mention.claim');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(new Date('2026-11-28T01:02:03.000Z'))).toBe('2026-11-28T01:02:03.000Z');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
  });

  it('writes objects as JSON', () => {
    expect(csvField({ status: 'baru', to: 'selesai' })).toBe('"{""status"":""baru"",""to"":""selesai""}"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+62812')).toBe("'+62812");
    expect(csvField('@admin')).toBe("'@admin");
  });

  it('reads back what it wrote', () => {
    const rows = [
      ['id', 'after'],
      ['1', 'kata "bukan, wewenang"\nbaris dua'],
      ['2', ''],
    ];
    expect(parseCsv(rows.map(csvRow).join(''))).toEqual(rows);
  });
});
