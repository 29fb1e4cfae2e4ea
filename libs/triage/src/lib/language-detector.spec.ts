import { createLanguageDetector } from './language-detector';
import { createTextNormalizer } from './text-normalizer';

describe('createLanguageDetector', () => {
  const normalizer = createTextNormalizer({ replacements: {}, emoji: {}, vocabulary: [] });
  const detector = createLanguageDetector({
    sundanese: ['abdi', 'teu', 'aya', 'geus', 'pisan', 'caah', 'imah', 'kumaha'],
    indonesian: ['yang', 'tidak', 'sudah', 'saya', 'dan', 'ini', 'rumah'],
    english: ['the', 'is', 'my', 'please', 'water', 'flood', 'at', 'near'],
    names: ['cibeunying', 'ciumbuleuit'],
  });
  const detect = (text: string) => detector.detect(normalizer.normalize(text));

  it('reads Indonesian', () => {
    expect(detect('rumah saya sudah kebanjiran dan ini tidak surut')).toBe('id');
  });

  it('reads Sundanese, also from its "eu" when a word is not in the lists', () => {
    expect(detect('caah geus asup ka imah abdi, kumaha ieu')).toBe('su');
    expect(detect('leungit seueur')).toBe('su');
  });

  it('does not take a place name with "eu" for Sundanese', () => {
    expect(detect('banjir di Cibeunying dan Ciumbuleuit, rumah saya')).toBe('id');
  });

  it('reads English', () => {
    expect(detect('flood at my house near the station, please help')).toBe('en');
  });

  it('calls a message with a fair share of two languages mixed', () => {
    expect(detect('please help, the flood is here, rumah saya sudah tidak bisa')).toBe('mixed');
    expect(detect('abdi teu acan, saya sudah tidak tahu')).toBe('mixed');
  });

  it('takes a message without telling words for Indonesian', () => {
    expect(detect('')).toBe('id');
    expect(detect('🔥🔥 123')).toBe('id');
  });
});
