import { validateRuleSet } from '../lib/rule-set.validation';
import { DEFAULT_RULE_SET } from './default-rule-set';

// The codes of shared/reference/bandung-opd.md; reports and tests rely on them.
const KNOWN_UNITS = new Set([
  'DSDABM',
  'DISHUB',
  'DLH',
  'DPKP',
  'DISKARPB',
  'DINKES',
  'RSUD',
  'DISDIK',
  'DISDUKCAPIL',
  'DINSOS',
  'SATPOLPP',
  'DISDAGIN',
  'DKPP',
  'DISNAKER',
  'DISKOPUKM',
  'DP3A',
  'DISBUDPAR',
  'DISPORA',
  'DPMPTSP',
  'DISTARU',
  'BAPENDA',
  'BKPSDM',
  'DISKOMINFO',
  'DISPUSIP',
  'KESBANGPOL',
  'SETDA',
  'PDAM',
  'EXT-PLN',
  'EXT-POLRI',
  'EXT-JABAR',
  'EXT-BBWS',
  'EXT-BPJS',
  'EXT-KAI',
]);

describe('DEFAULT_RULE_SET', () => {
  it('is valid', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual([]);
  });

  it('routes only to units of the reference list', () => {
    const used = DEFAULT_RULE_SET.topics.flatMap((topic) => [
      ...topic.opd.map((r) => r.code),
      ...(topic.routing ?? []).flatMap((rule) => rule.opd.map((r) => r.code)),
    ]);
    expect(used.filter((code) => !KNOWN_UNITS.has(code))).toEqual([]);
  });

  it('gives every city unit at least one topic', () => {
    const primary = new Set(DEFAULT_RULE_SET.topics.map((topic) => topic.opd[0].code));
    expect([...KNOWN_UNITS].filter((code) => !primary.has(code))).toEqual([]);
  });

  it('holds the 30 kecamatan and 146 kelurahan of Kota Bandung with BPS codes', () => {
    const kecamatan = DEFAULT_RULE_SET.places.filter((p) => p.kind === 'kecamatan');
    const kelurahan = DEFAULT_RULE_SET.places.filter((p) => p.kind === 'kelurahan');
    expect(kecamatan).toHaveLength(30);
    expect(kelurahan).toHaveLength(146);
    for (const place of kecamatan) expect(place.code).toMatch(/^KEC-3273\d{3}$/);
    for (const place of kelurahan) {
      expect(place.code).toMatch(/^KEL-3273\d{6}$/);
      expect(place.code.slice(4, 11)).toBe(place.kecamatan[0].slice(4));
    }
  });

  it('has about thirty roads and landmarks', () => {
    expect(DEFAULT_RULE_SET.places.filter((p) => p.kind === 'landmark').length).toBeGreaterThanOrEqual(30);
  });

  it('is plain data that survives a trip through JSON', () => {
    expect(JSON.parse(JSON.stringify(DEFAULT_RULE_SET))).toEqual(DEFAULT_RULE_SET);
  });
});
