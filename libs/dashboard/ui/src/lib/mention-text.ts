const MAX_PREVIEW = 280;

/** The first non-empty line of a post, whitespace collapsed, short enough for one row. */
export const firstLine = (text: string): string => {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim().length > 0) ?? '';
  const collapsed = line.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_PREVIEW ? `${collapsed.slice(0, MAX_PREVIEW)}…` : collapsed;
};
