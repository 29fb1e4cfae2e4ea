import type { MentionPlace } from '@sigap/contracts';
import { PhraseTrie } from './phrase-trie';
import type { PlaceCues, PlaceKind, PlaceRule } from './rule-set.types';
import type { NormalizedText } from './text-normalizer';

export interface PlaceMention {
  place: PlaceRule;
  /** The words as written. */
  surface: string;
  start: number;
  /** Exclusive. */
  end: number;
}

export interface ResolvedPlace {
  kecamatan: string | null;
  kelurahan: string | null;
  /** The mentions that decided the answer, earliest first. */
  evidence: PlaceMention[];
  /** Places outside Kota Bandung that were named (Dayeuhkolot, Jatiluhur…). */
  outside: PlaceMention[];
  /** Word ranges [start, end) of the names of places in the city. */
  spans: [number, number][];
}

export interface Gazetteer {
  find(text: NormalizedText): PlaceMention[];
  resolve(text: NormalizedText): ResolvedPlace;
  nameOf(code: string): string | undefined;
  /** The place of the message with the span of `original` that names it, or null when none is named. */
  describe(text: NormalizedText, resolved: ResolvedPlace, original: string): MentionPlace | null;
}

/** Words of a street name that follow "Jl." in a road the gazetteer does not know ("Jl. Cijawura Girang"). */
const MAX_STREET_WORDS = 4;
/** Words of an address that end a street name ("Jl. Cijawura Girang No. 5", "Jl. Sukagalih RT 03"). */
const ADDRESS_WORDS = new Set(['no', 'nomor', 'rt', 'rw', 'blok', 'kav', 'kel', 'kelurahan', 'kec', 'kecamatan', 'gang', 'gg', 'dekat', 'depan']);
/** Mentions of one place this close together (in words) are reported as one span ("Jl. Soekarno-Hatta depan Gedebage"). */
const MAX_SPAN_GAP = 3;

type CueKind = 'kelurahan' | 'kecamatan' | 'general';

// When a name is both a kecamatan and a kelurahan, people mostly mean the kecamatan.
const KIND_PREFERENCE: Record<PlaceKind, number> = { kecamatan: 0, kelurahan: 1, landmark: 2, outside: 3 };
// A road that crosses several kecamatan votes for each, its usual one a little more.
const PRIMARY_VOTE_OF_SPAN = 0.5;
const SECONDARY_VOTE_OF_SPAN = 0.4;

export function createGazetteer(
  places: readonly PlaceRule[],
  cues: PlaceCues,
  toWords: (phrase: string) => string[],
): Gazetteer {
  const trie = new PhraseTrie<PlaceRule>();
  const names = new Map<string, string>();
  for (const place of places) {
    names.set(place.code, place.name);
    const seen = new Set<string>();
    for (const alias of [place.name, ...place.aliases]) {
      const words = toWords(alias);
      const key = words.join(' ');
      if (words.length === 0 || seen.has(key)) continue;
      seen.add(key);
      trie.add(words, place);
    }
  }

  const streetWords = new Set<string>();
  for (const phrase of ['jalan', 'gang']) for (const word of toWords(phrase)) streetWords.add(word);
  const areaWords = new Set<string>();
  for (const phrase of [...cues.kecamatan, ...cues.kelurahan]) for (const word of toWords(phrase)) areaWords.add(word);

  const cueOf = new Map<string, CueKind>();
  for (const phrase of cues.general) for (const word of toWords(phrase)) cueOf.set(word, 'general');
  for (const phrase of cues.kecamatan) for (const word of toWords(phrase)) cueOf.set(word, 'kecamatan');
  for (const phrase of cues.kelurahan) for (const word of toWords(phrase)) cueOf.set(word, 'kelurahan');

  const choose = (candidates: readonly PlaceRule[], cue: CueKind | undefined): PlaceRule | undefined => {
    let best: PlaceRule | undefined;
    for (const place of candidates) {
      if (place.requiresCue && !cue) continue;
      if (!best) {
        best = place;
        continue;
      }
      const wanted = cue === 'kelurahan' || cue === 'kecamatan' ? cue : undefined;
      const placeFits = place.kind === wanted;
      const bestFits = best.kind === wanted;
      if (placeFits !== bestFits) {
        if (placeFits) best = place;
        continue;
      }
      if (KIND_PREFERENCE[place.kind] < KIND_PREFERENCE[best.kind]) best = place;
    }
    return best;
  };

  const find = (text: NormalizedText): PlaceMention[] => {
    const { words } = text;
    const mentions: PlaceMention[] = [];
    for (const match of trie.scan(words)) {
      const cue = match.start > 0 ? cueOf.get(words[match.start - 1]) : undefined;
      const place = choose(match.payloads, cue);
      if (place) mentions.push({ place, surface: surfaceOf(text, match.start, match.end), start: match.start, end: match.end });
    }
    return mentions;
  };

  /** A road named after "Jl."/"jalan" with capitalised words the gazetteer does not know. */
  const unknownStreet = (text: NormalizedText, original: string): [number, number] | null => {
    for (let i = 0; i + 1 < text.words.length; i++) {
      if (!streetWords.has(text.words[i]) || text.origins[i + 1] === text.origins[i]) continue;
      let last = -1;
      for (let j = i + 1; j < text.words.length && j <= i + MAX_STREET_WORDS; j++) {
        // Only the full stop of "Jl." may stand between; any other punctuation ends the name.
        const gap = original.slice(text.ends[j - 1], text.starts[j]);
        if (text.clauseStart[j] && !(j === i + 1 && /^\.\s*$/.test(gap))) break;
        const first = original.charAt(text.starts[j]);
        if (!/\p{Lu}/u.test(first) || ADDRESS_WORDS.has(text.surfaces[j])) break;
        last = j;
      }
      if (last > i) return [i, last + 1];
    }
    return null;
  };

  const describe = (text: NormalizedText, resolved: ResolvedPlace, original: string): MentionPlace | null => {
    const charSpan = (start: number, end: number): { text: string; start: number; end: number } => {
      const from = text.starts[start];
      const to = text.ends[end - 1];
      return { text: original.slice(from, to), start: from, end: to };
    };
    // Take the cue word in when it is part of the name as written ("Kel. Sukaluyu", "Jl. Sukajadi").
    const withCue = (start: number): number =>
      start > 0 && (areaWords.has(text.words[start - 1]) || streetWords.has(text.words[start - 1])) ? start - 1 : start;

    if (resolved.kecamatan && resolved.evidence.length > 0) {
      const [first, ...rest] = resolved.evidence;
      const start = withCue(first.start);
      let end = first.end;
      for (const mention of rest) {
        if (mention.start - end > MAX_SPAN_GAP) break;
        end = Math.max(end, mention.end);
      }
      const landmark = resolved.evidence.find((m) => m.place.kind === 'landmark');
      const namedRoad = streetWords.has(text.words[start]) ? charSpan(start, first.end).text : null;
      return {
        kecamatan: resolved.kecamatan,
        kelurahan: resolved.kelurahan,
        street: landmark ? landmark.place.name : namedRoad,
        ...charSpan(start, end),
      };
    }
    const street = unknownStreet(text, original);
    if (street) {
      const span = charSpan(street[0], street[1]);
      return { kecamatan: null, kelurahan: null, street: span.text, ...span };
    }
    const [outside] = resolved.outside;
    if (outside) return { kecamatan: null, kelurahan: null, street: null, ...charSpan(outside.start, outside.end) };
    return null;
  };

  return {
    find,
    describe,
    nameOf: (code) => names.get(code),
    resolve(text) {
      const mentions = find(text);
      const outside = mentions.filter((m) => m.place.kind === 'outside');
      const spans = mentions.filter((m) => m.place.kind !== 'outside').map((m): [number, number] => [m.start, m.end]);
      const votes = new Map<string, { votes: number; first: number }>();
      for (const mention of mentions) {
        const codes = mention.place.kecamatan;
        codes.forEach((code, index) => {
          const vote = codes.length === 1 ? 1 : index === 0 ? PRIMARY_VOTE_OF_SPAN : SECONDARY_VOTE_OF_SPAN;
          const entry = votes.get(code);
          if (entry) entry.votes += vote;
          else votes.set(code, { votes: vote, first: mention.start });
        });
      }
      let kecamatan: string | null = null;
      let bestVotes = 0;
      let bestFirst = Infinity;
      for (const [code, entry] of votes) {
        if (entry.votes > bestVotes || (entry.votes === bestVotes && entry.first < bestFirst)) {
          kecamatan = code;
          bestVotes = entry.votes;
          bestFirst = entry.first;
        }
      }
      if (!kecamatan) return { kecamatan: null, kelurahan: null, evidence: [], outside, spans };

      let kelurahan: string | null = null;
      for (const mention of mentions) {
        const code = mention.place.kind === 'kelurahan' ? mention.place.code : mention.place.kelurahan;
        if (code && mention.place.kecamatan[0] === kecamatan) {
          kelurahan = code;
          break;
        }
      }
      const evidence = mentions.filter((m) => m.place.kecamatan.includes(kecamatan));
      return { kecamatan, kelurahan, evidence, outside, spans };
    },
  };
}

/** What the author wrote for words `start..end`, each written token once. */
export function surfaceOf(text: NormalizedText, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    if (i > start && text.origins[i] === text.origins[i - 1]) continue;
    out = out ? `${out} ${text.surfaces[i]}` : text.surfaces[i];
  }
  return out;
}
