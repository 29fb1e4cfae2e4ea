import { isTemplateVariable, type TemplateVariable } from '@sigap/contracts';

export type TemplateValues = Partial<Record<TemplateVariable, string | null | undefined>>;

export interface RenderedText {
  /** Every variable that could be filled is; the others stay as written (`{nama}`). */
  text: string;
  /** Variables left unfilled (no value) or unknown, in order of first appearance. */
  missing: string[];
}

const PLACEHOLDER = /\{([a-z_][a-z0-9_]*)\}/g;

/**
 * Fills `{variable}` placeholders. A template (`strict`) may only use the known variables: any
 * other name counts as missing, so it can never reach a citizen as `{foo}`. Free text (not strict)
 * leaves unknown braces alone, but a known variable without a value is still missing. Values are
 * inserted verbatim and never scanned again, so a name like "{opd}" stays literal.
 */
export function renderTemplate(body: string, values: TemplateValues, options: { strict: boolean }): RenderedText {
  const missing: string[] = [];
  const text = body.replace(PLACEHOLDER, (placeholder, name: string) => {
    if (!isTemplateVariable(name)) {
      if (options.strict && !missing.includes(name)) missing.push(name);
      return placeholder;
    }
    const value = values[name]?.trim();
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return placeholder;
  });
  return { text, missing };
}

/**
 * The caller's values over the mention's: a caller may fill or override the known variables, and
 * an empty value leaves the mention's. Unknown names are returned apart so they can be refused.
 */
export function mergeTemplateValues(
  fromMention: TemplateValues,
  supplied: Record<string, unknown> | undefined,
): { values: TemplateValues; unknown: string[] } {
  const values: TemplateValues = { ...fromMention };
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(supplied ?? {})) {
    if (!isTemplateVariable(name)) {
      unknown.push(name);
      continue;
    }
    if (typeof value === 'string' && value.trim()) values[name] = value.trim();
  }
  return { values, unknown };
}
