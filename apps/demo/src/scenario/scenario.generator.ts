import type { Channel, MentionInput } from '@sigap/contracts';
import { authorOn, createCast, type Cast, type Persona } from './cast';
import { createRandom, hashSeed, type Random } from './random';
import { LOOP_FACTS, SCENARIO_SECONDS, SLOTS, STORYLINES, type SlotName, type StoryPhase, type StorylineId } from './storylines';

export interface ScenarioOptions {
  seed: string;
  /** Which pass over the story; each loop has new external ids and draws new details. */
  loop: number;
  /** Wall-clock time (epoch ms) the loop starts at; `postedAt` is counted from it. */
  startAt: number;
  /** How much faster than real time the story runs. */
  speed: number;
}

export interface ScenarioEvent {
  /** When to send, in ms of scenario time from the start of the loop. */
  at: number;
  storyline: StorylineId;
  phase: string;
  mention: MentionInput;
}

interface Slot {
  at: number;
  storyline: StorylineId;
  phase: StoryPhase;
}

const INCIDENT_STORYLINES: ReadonlySet<StorylineId> = new Set(['banjir-timur', 'pohon-tumbang', 'kebakaran-pasar', 'hoaks-bendungan']);
const SLOT_PATTERN = /\{(\w+)\}/g;
const MAX_ROOTS = 200;
const DEFAULT_CHANNELS: readonly (readonly [Channel, number])[] = [['x', 1]];
const VIRAL_CHANNELS: readonly (readonly [Channel, number])[] = [
  ['x', 5],
  ['instagram', 3],
  ['facebook', 2],
];
// The first posts of a story are the ones that go viral.
const VIRAL_ROOTS = 6;

/** Mentions per second at `second`, linear between the phase's points, 0 outside it. */
export function rateAt(phase: StoryPhase, second: number): number {
  const points = phase.rate;
  if (second < points[0][0] || second > points[points.length - 1][0]) return 0;
  for (let i = 1; i < points.length; i++) {
    const [t0, r0] = points[i - 1];
    const [t1, r1] = points[i];
    if (second <= t1) return t1 === t0 ? r1 : r0 + ((r1 - r0) * (second - t0)) / (t1 - t0);
  }
  return points[points.length - 1][1];
}

/**
 * One loop of the demo scenario, in the order to send it. The same options always give the same
 * mentions, down to the ids and the typos.
 */
export function generateScenario(options: ScenarioOptions): ScenarioEvent[] {
  const { seed, loop, startAt, speed } = options;
  const random = createRandom(`${seed}:loop:${loop}`);
  const cast = createCast(createRandom(`${seed}:cast`));
  const tree = random.pick(LOOP_FACTS.pohon);
  const facts: Record<string, string> = {
    ...tree,
    pasar: random.pick(LOOP_FACTS.pasar),
    bendungan: random.pick(LOOP_FACTS.bendungan),
  };
  const ids = createIdMaker(seed, loop);

  // When each mention happens: a Poisson count per second of each phase, spread within the second.
  const slots: Slot[] = [];
  for (const storyline of STORYLINES) {
    for (const phase of storyline.phases) {
      const first = Math.max(0, Math.floor(phase.rate[0][0]));
      const last = Math.min(SCENARIO_SECONDS, Math.ceil(phase.rate[phase.rate.length - 1][0]));
      for (let second = first; second < last; second++) {
        const count = random.poisson(rateAt(phase, second + 0.5));
        for (let i = 0; i < count; i++) slots.push({ at: Math.floor((second + random.next()) * 1000), storyline: storyline.id, phase });
      }
    }
  }
  slots.sort((a, b) => a.at - b.at);

  // Posts that can be reposted, per phase, the phase's viral posts first.
  const roots = new Map<StoryPhase, MentionInput[]>();
  const events: ScenarioEvent[] = [];
  for (const slot of slots) {
    const { phase } = slot;
    let storyRoots = roots.get(phase);
    if (!storyRoots) roots.set(phase, (storyRoots = []));
    const viral = phase.viral && storyRoots.length < phase.viral.length ? phase.viral[storyRoots.length] : undefined;
    const channel: Channel = viral ? random.weighted(VIRAL_CHANNELS) : random.weighted(phase.channels ?? DEFAULT_CHANNELS);
    const persona = viral ? random.pick(cast.media) : pickPersona(cast, slot.storyline, random);
    const { externalId, url } = ids.next(channel, persona.handle);
    const postedAt = new Date(startAt + slot.at / speed).toISOString();
    const base = { channel, externalId, author: authorOn(channel, persona, random), postedAt };

    let mention: MentionInput;
    const repost = !viral && storyRoots.length > 0 && random.chance(phase.repostShare ?? 0);
    if (repost) {
      const root = random.chance(0.7) ? random.pick(storyRoots.slice(0, VIRAL_ROOTS)) : random.pick(storyRoots);
      const text = channel === 'x' && random.chance(0.6) ? `RT @${root.author.handle}: ${root.text}` : root.text;
      mention = { ...base, text: clip(text) };
    } else {
      const text = viral ? clip(fill(viral, facts, random)) : roughen(fill(random.pick(phase.templates), facts, random), random);
      mention = { ...base, text };
      if (channel === 'x' && random.chance(0.08)) {
        const earlier = storyRoots.filter((r) => r.channel === 'x');
        if (earlier.length > 0) mention.inReplyTo = random.pick(earlier).externalId;
      }
      if (storyRoots.length < MAX_ROOTS) storyRoots.push(mention);
    }
    if (url) mention.url = url;
    if (random.chance(phase.mediaShare ?? 0)) {
      const video = channel === 'tiktok' || channel === 'youtube';
      mention.media = [{ url: `https://media.sigap.example/demo/${externalId}.${video ? 'mp4' : 'jpg'}`, type: video ? 'video' : 'image' }];
    }
    if (phase.near && random.chance(phase.locationShare ?? 0)) {
      const [lat, lon] = phase.near;
      mention.location = { lat: round6(lat + random.normal(0, 0.006)), lon: round6(lon + random.normal(0, 0.01)) };
    }
    mention.raw = { source: 'sigap-demo', storyline: slot.storyline, phase: phase.id, loop };
    events.push({ at: slot.at, storyline: slot.storyline, phase: phase.id, mention });
  }
  return events;
}

function pickPersona(cast: Cast, storyline: StorylineId, random: Random): Persona {
  if (INCIDENT_STORYLINES.has(storyline) && random.chance(0.07)) return random.pick(cast.media);
  return random.pick(cast.residents);
}

function fill(template: string, facts: Record<string, string>, random: Random): string {
  return template
    .replace(SLOT_PATTERN, (whole, name: string) => {
      if (name in facts) return facts[name];
      if (name in SLOTS) return random.pick(SLOTS[name as SlotName]);
      return whole;
    })
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([!?.,])/g, '$1')
    .trim();
}

const SLANG: readonly (readonly [RegExp, string])[] = [
  [/\byang\b/g, 'yg'],
  [/\btidak\b/g, 'gak'],
  [/\bsudah\b/g, 'udah'],
  [/\btolong\b/gi, 'tlg'],
  [/\bbanget\b/g, 'bgt'],
  [/\bsekarang\b/g, 'skrg'],
  [/\bjalan\b/g, 'jln'],
];
const EXTRA_EMOJI = ['😭', '🙏', '😡', '😤', '🥲', '‼️', '🌧️'];

/** Makes a clean template read like a hurried phone post: case, stretched letters, typos, slang. */
function roughen(text: string, random: Random): string {
  let out = text;
  if (random.chance(0.1)) for (const [pattern, short] of SLANG) out = out.replace(pattern, short);
  const words = out.split(' ');
  const plain = (word: string): boolean => /^[a-zA-Z]{4,}$/.test(word);
  if (random.chance(0.12)) {
    const candidates = words.map((w, i) => (plain(w) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length > 0) {
      const i = random.pick(candidates);
      const vowel = words[i].search(/[aiueo][^aiueo]*$/i);
      if (vowel >= 0) words[i] = words[i].slice(0, vowel + 1) + words[i][vowel].repeat(random.int(2, 4)) + words[i].slice(vowel + 1);
    }
  }
  if (random.chance(0.06)) {
    const candidates = words.map((w, i) => (plain(w) && w.length >= 5 ? i : -1)).filter((i) => i >= 0);
    if (candidates.length > 0) {
      const i = random.pick(candidates);
      const at = random.int(1, words[i].length - 3);
      words[i] = words[i].slice(0, at) + words[i][at + 1] + words[i][at] + words[i].slice(at + 2);
    }
  }
  out = words.join(' ');
  const mood = random.next();
  if (mood < 0.16) out = out.toLowerCase();
  else if (mood < 0.2) out = out.toUpperCase();
  if (random.chance(0.08)) out = `${out} ${random.pick(EXTRA_EMOJI)}`;
  return clip(out);
}

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 0 ? trimmed.slice(0, 2000) : '…';
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** External ids in each channel's own style, unique per (seed, loop, sequence). */
function createIdMaker(seed: string, loop: number): { next(channel: Channel, handle: string): { externalId: string; url?: string } } {
  const base = hashSeed(seed) % 100_000;
  let seq = 0;
  return {
    next(channel, handle) {
      seq++;
      const digits = `${pad(base, 5)}${pad(loop, 4)}${pad(seq, 8)}`;
      switch (channel) {
        case 'x':
          return { externalId: `18${digits}`, url: `https://x.com/${handle}/status/18${digits}` };
        case 'instagram': {
          const id = `17${digits}`;
          return { externalId: id, url: `https://www.instagram.com/p/C${BigInt(id).toString(36)}/` };
        }
        case 'facebook': {
          const page = `${pad(base, 5)}${pad(loop, 4)}`;
          return { externalId: `${page}_${pad(seq, 9)}`, url: `https://www.facebook.com/${page}${pad(seq, 9)}` };
        }
        case 'tiktok':
          return { externalId: `73${digits}`, url: `https://www.tiktok.com/@${handle}/video/73${digits}` };
        case 'youtube':
          return {
            externalId: `Ugz${base.toString(36)}${loop.toString(36)}x${seq.toString(36)}`,
            url: `https://www.youtube.com/watch?v=sigapdemo${base.toString(36)}`,
          };
        case 'whatsapp':
          return { externalId: `wamid.${base.toString(16).toUpperCase()}${pad(loop, 4)}${seq.toString(16).toUpperCase().padStart(8, '0')}` };
        case 'telegram':
          return { externalId: `-100${pad(base, 5)}:${loop}:${seq}` };
        case 'lapor':
          return { externalId: `LAPOR-${pad(base, 5)}-${pad(loop, 4)}-${pad(seq, 7)}` };
        case 'web':
          return { externalId: `web-${pad(base, 5)}-${loop}-${seq}` };
        case 'email':
          return { externalId: `<demo.${base}.${loop}.${seq}@mail.example>` };
      }
    },
  };
}
