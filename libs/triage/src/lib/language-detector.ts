import type { NormalizedText } from './text-normalizer';

export type MessageLanguage = 'id' | 'su' | 'en' | 'mixed';

export interface LanguageMarkers {
  sundanese: Iterable<string>;
  indonesian: Iterable<string>;
  english: Iterable<string>;
  /** Written words that are names, not language (place names such as "Cibeunying", "Ciumbuleuit"). */
  names?: Iterable<string>;
}

export interface LanguageDetector {
  detect(text: NormalizedText): MessageLanguage;
}

/** A second language counts when it has at least this many marker words… */
const MIN_SECOND_LANGUAGE = 2;
/** …and at least this share of the first language's. */
const SECOND_LANGUAGE_SHARE = 0.34;

/**
 * Tells the language of a message from the words as written (before slang and Sundanese are
 * rewritten): counts words typical of Sundanese, Indonesian and English. A word with the Sundanese
 * "eu" ("seueur", "leungit") that is not an Indonesian word or a name counts as Sundanese. A
 * message with no telling word is Indonesian, the city's language. Two languages with a fair share
 * each make it "mixed".
 */
export function createLanguageDetector(markers: LanguageMarkers): LanguageDetector {
  const sundanese = new Set(markers.sundanese);
  const indonesian = new Set(markers.indonesian);
  const english = new Set(markers.english);
  const names = new Set(markers.names ?? []);
  for (const word of english) {
    sundanese.delete(word);
    indonesian.delete(word);
  }

  return {
    detect(text) {
      let su = 0;
      let id = 0;
      let en = 0;
      const seen = new Set<string>();
      for (let i = 0; i < text.surfaces.length; i++) {
        if (i > 0 && text.origins[i] === text.origins[i - 1]) continue;
        const word = text.surfaces[i];
        if (seen.has(word) || names.has(word)) continue;
        seen.add(word);
        if (english.has(word)) en++;
        else if (sundanese.has(word)) su++;
        else if (indonesian.has(word)) id++;
        else if (word.length >= 3 && word.includes('eu')) su++;
      }
      const ranked = (
        [
          ['su', su],
          ['en', en],
          ['id', id],
        ] as const
      )
        .slice()
        .sort((a, b) => b[1] - a[1]);
      const [first, second] = ranked;
      if (first[1] === 0) return 'id';
      if (second[1] >= MIN_SECOND_LANGUAGE && second[1] >= first[1] * SECOND_LANGUAGE_SHARE) return 'mixed';
      return first[0];
    },
  };
}
