import { describe, expect, it } from 'vitest';
import { en, id } from './resources';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Map<string, string> => {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value, path)) entries.set(inner, text);
  }
  return entries;
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('UI strings', () => {
  const indonesian = flatten(id as unknown as Tree);
  const english = flatten(en as unknown as Tree);

  it('has every Indonesian key in English and every English key in Indonesian', () => {
    expect([...indonesian.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !indonesian.has(key))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const mismatched = [...indonesian].filter(([key, text]) => english.has(key) && placeholders(text).join() !== placeholders(english.get(key) ?? '').join());
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('leaves no string empty', () => {
    expect([...indonesian, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });
});
