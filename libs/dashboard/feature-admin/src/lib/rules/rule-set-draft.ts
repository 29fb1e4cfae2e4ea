import type { OpdTag, RuleSetDocument, RuleSetKeyword, RuleSetTopicDocument } from '@sigap/contracts';

/** One edit a supervisor makes in the structured editor. Every edit returns a new document. */
export type DraftEdit =
  | { type: 'topic'; topic: number; patch: Partial<Pick<RuleSetTopicDocument, 'label' | 'baseScore'>> }
  | { type: 'addTopic'; id: string; label: string }
  | { type: 'removeTopic'; topic: number }
  | { type: 'keyword'; topic: number; index: number; patch: Partial<RuleSetKeyword> }
  | { type: 'addKeyword'; topic: number; keyword: RuleSetKeyword }
  | { type: 'removeKeyword'; topic: number; index: number }
  | { type: 'route'; topic: number; index: number; patch: Partial<OpdTag> }
  | { type: 'addRoute'; topic: number; route: OpdTag }
  | { type: 'removeRoute'; topic: number; index: number }
  | { type: 'moveRoute'; topic: number; index: number; by: -1 | 1 };

const replaceAt = <T>(items: readonly T[], index: number, item: T): T[] => items.map((current, i) => (i === index ? item : current));
const removeAt = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

const withTopic = (
  document: RuleSetDocument,
  index: number,
  change: (topic: RuleSetTopicDocument) => RuleSetTopicDocument,
): RuleSetDocument => {
  const topic = document.topics[index];
  if (!topic) return document;
  return { ...document, topics: replaceAt(document.topics, index, change(topic)) };
};

export function applyDraftEdit(document: RuleSetDocument, edit: DraftEdit): RuleSetDocument {
  switch (edit.type) {
    case 'topic':
      return withTopic(document, edit.topic, (topic) => ({ ...topic, ...edit.patch }));
    case 'addTopic':
      return {
        ...document,
        topics: [...document.topics, { id: edit.id, label: edit.label, keywords: [], baseScore: 45, opd: [] }],
      };
    case 'removeTopic':
      return { ...document, topics: removeAt(document.topics, edit.topic) };
    case 'keyword':
      return withTopic(document, edit.topic, (topic) => ({
        ...topic,
        keywords: replaceAt(topic.keywords, edit.index, { ...topic.keywords[edit.index], ...edit.patch }),
      }));
    case 'addKeyword':
      return withTopic(document, edit.topic, (topic) => ({ ...topic, keywords: [...topic.keywords, edit.keyword] }));
    case 'removeKeyword':
      return withTopic(document, edit.topic, (topic) => ({ ...topic, keywords: removeAt(topic.keywords, edit.index) }));
    case 'route':
      return withTopic(document, edit.topic, (topic) => ({
        ...topic,
        opd: replaceAt(topic.opd, edit.index, { ...topic.opd[edit.index], ...edit.patch }),
      }));
    case 'addRoute':
      return withTopic(document, edit.topic, (topic) => ({ ...topic, opd: [...topic.opd, edit.route] }));
    case 'removeRoute':
      return withTopic(document, edit.topic, (topic) => ({ ...topic, opd: removeAt(topic.opd, edit.index) }));
    case 'moveRoute':
      return withTopic(document, edit.topic, (topic) => {
        const target = edit.index + edit.by;
        if (target < 0 || target >= topic.opd.length) return topic;
        const opd = [...topic.opd];
        [opd[edit.index], opd[target]] = [opd[target], opd[edit.index]];
        return { ...topic, opd };
      });
  }
}

export type JsonParseResult =
  | { ok: true; document: RuleSetDocument }
  | { ok: false; message: string; line: number | null; column: number | null };

/** Line and column (1-based) of a character offset. */
export const positionOf = (text: string, offset: number): { line: number; column: number } => {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
};

/**
 * Reads the JSON editor's text. Only the shape the editor itself needs is checked here; the
 * server checks the rest and answers with the path of each problem.
 */
export function parseRuleSetJson(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn) return { ok: false, message, line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
    const offset = /position (\d+)/.exec(message);
    if (offset) return { ok: false, message, ...positionOf(text, Number(offset[1])) };
    return { ok: false, message, line: null, column: null };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'not a JSON object', line: null, column: null };
  }
  if (!Array.isArray((value as { topics?: unknown }).topics)) {
    return { ok: false, message: '"topics" must be a list', line: null, column: null };
  }
  return { ok: true, document: value as RuleSetDocument };
}

export const formatRuleSetJson = (document: RuleSetDocument): string => JSON.stringify(document, null, 2);

/** Whether two documents hold the same rules; the editor uses it to know if there is anything to save. */
export const sameDocument = (a: RuleSetDocument, b: RuleSetDocument): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface FieldProblem {
  field: string;
  message: string;
}

/** The `{ field, message }` list of a 400 from the server, or none. */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.field === 'string' && typeof d.message === 'string',
  );
}

/** Problems per topic index, from paths like `content.topics.3.keywords.1.weight`. */
export function problemsByTopic(problems: readonly FieldProblem[]): Map<number, FieldProblem[]> {
  const byTopic = new Map<number, FieldProblem[]>();
  for (const problem of problems) {
    const match = /^content\.topics\.(\d+)(?:\.|$)/.exec(problem.field);
    if (!match) continue;
    const index = Number(match[1]);
    byTopic.set(index, [...(byTopic.get(index) ?? []), problem]);
  }
  return byTopic;
}

/** A problem's path as an admin reads it: `topics.44 (kebocoran_gas).keywords.0` rather than `content.topics.44.keywords.0`. */
export function describeField(field: string, document: RuleSetDocument): string {
  const path = field.replace(/^content\.?/, '') || 'content';
  return path.replace(/^topics\.(\d+)/, (whole, index: string) => {
    const topic = document.topics[Number(index)];
    return topic ? `${whole} (${topic.id})` : whole;
  });
}

export const TOPIC_ID_PATTERN = /^[a-z0-9_-]{1,64}$/;

/** Why a new topic id cannot be used, as an i18n key, or null when it can. */
export function topicIdProblem(id: string, document: RuleSetDocument): 'rules.topicIdInvalid' | 'rules.topicIdTaken' | null {
  if (!TOPIC_ID_PATTERN.test(id)) return 'rules.topicIdInvalid';
  if (document.topics.some((topic) => topic.id === id)) return 'rules.topicIdTaken';
  return null;
}

/** Topics whose label, id or keywords contain the search text; with their index in the document. */
export function filterTopics(document: RuleSetDocument, search: string): { topic: RuleSetTopicDocument; index: number }[] {
  const needle = search.trim().toLowerCase();
  const all = document.topics.map((topic, index) => ({ topic, index }));
  if (!needle) return all;
  return all.filter(
    ({ topic }) =>
      topic.id.toLowerCase().includes(needle) ||
      topic.label.toLowerCase().includes(needle) ||
      topic.keywords.some((keyword) => keyword.phrase.toLowerCase().includes(needle)),
  );
}
