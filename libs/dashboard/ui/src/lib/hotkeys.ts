/** True when a key press belongs to a text field or carries a modifier, so shortcuts stay out of the way. */
export const isHotkeyIgnored = (event: KeyboardEvent): boolean => {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return false;
};

/** What a shortcut does; the help (`?`) lists them in this order. */
export const SHORTCUT_ACTIONS = [
  'next',
  'previous',
  'claim',
  'reply',
  'resolve',
  'release',
  'search',
  'myWork',
  'inbox',
  'board',
  'help',
  'escape',
] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** The keys of each action; `g b` is `g` then `b`. */
export const SHORTCUT_KEYS: Readonly<Record<ShortcutAction, string>> = {
  next: 'j',
  previous: 'k',
  claim: 'c',
  reply: 'r',
  resolve: 'e',
  release: 'u',
  search: '/',
  myWork: 'm',
  inbox: 'g i',
  board: 'g b',
  help: '?',
  escape: 'Escape',
};

/** How long after `g` the second key of a sequence is awaited. */
export const SHORTCUT_SEQUENCE_MS = 1_500;

export interface ShortcutState {
  /** The first key of a sequence pressed at `at`, or null. */
  pending: string | null;
  at: number;
}

export const NO_PENDING_SHORTCUT: ShortcutState = { pending: null, at: 0 };

const SINGLE = new Map<string, ShortcutAction>();
const SEQUENCES = new Map<string, ShortcutAction>();
const PREFIXES = new Set<string>();
for (const action of SHORTCUT_ACTIONS) {
  const keys = SHORTCUT_KEYS[action].split(' ');
  if (keys.length === 1) SINGLE.set(keys[0], action);
  else {
    SEQUENCES.set(keys.join(' '), action);
    PREFIXES.add(keys[0]);
  }
}

/**
 * The action of one key press given what was pressed before. A sequence's first key is held for
 * SHORTCUT_SEQUENCE_MS; a second key that completes no sequence does nothing (so `g k` is not `k`).
 */
export const resolveShortcut = (key: string, state: ShortcutState, now: number): { action: ShortcutAction | null; state: ShortcutState } => {
  if (state.pending !== null && now - state.at <= SHORTCUT_SEQUENCE_MS) {
    return { action: SEQUENCES.get(`${state.pending} ${key}`) ?? null, state: NO_PENDING_SHORTCUT };
  }
  if (PREFIXES.has(key)) return { action: null, state: { pending: key, at: now } };
  return { action: SINGLE.get(key) ?? null, state: NO_PENDING_SHORTCUT };
};

/** A stateful reader for one listener: feed it key presses, get actions. */
export const createShortcutReader = (now: () => number = Date.now) => {
  let state = NO_PENDING_SHORTCUT;
  return (key: string): ShortcutAction | null => {
    const result = resolveShortcut(key, state, now());
    state = result.state;
    return result.action;
  };
};
