/** The `@handle` being typed right before the cursor: where its `@` is and what follows it. */
export interface HandleQuery {
  start: number;
  query: string;
}

const TYPED_HANDLE = /(^|[\s([{'"])@([a-z0-9._+-]*)$/i;

export const activeHandleQuery = (text: string, cursor: number): HandleQuery | null => {
  const match = TYPED_HANDLE.exec(text.slice(0, cursor));
  if (!match) return null;
  return { start: match.index + match[1].length, query: match[2] };
};

/** Replaces the typed `@prefix` with the full handle and a space; returns the text and the new cursor. */
export const insertHandle = (text: string, query: HandleQuery, cursor: number, handle: string): { text: string; cursor: number } => {
  const inserted = `@${handle} `;
  const after = text.slice(cursor).replace(/^\S*/, '').replace(/^ /, '');
  return { text: `${text.slice(0, query.start)}${inserted}${after}`, cursor: query.start + inserted.length };
};

/** "Budi, Siti dan Rina" in Indonesian, "Budi, Siti and Rina" in English. */
export const joinNames = (names: readonly string[], language: string): string => {
  const and = language.startsWith('en') ? 'and' : 'dan';
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
};
