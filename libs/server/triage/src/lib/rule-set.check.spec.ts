import { DEFAULT_RULE_SET, type RuleSet } from '@sigap/triage';
import { checkRuleSet, locateProblem, opdCodesOf } from './rule-set.check';

const copy = (): RuleSet => structuredClone(DEFAULT_RULE_SET);

const errorsOf = (content: unknown) => {
  const result = checkRuleSet(content);
  if (result.ok) throw new Error('expected the rule set to be refused');
  return result.errors;
};

describe('checkRuleSet', () => {
  it('accepts the built-in rules and compiles them', () => {
    const result = checkRuleSet(copy());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.engine.classify({ text: 'kebakaran di pasar kosambi' }).topic).toBe('kebakaran');
  });

  it('keeps fields it does not know, for sections the engine may add', () => {
    const result = checkRuleSet({ ...copy(), experimental: { on: true } });
    expect(result.ok && (result.ruleSet as unknown as { experimental: unknown }).experimental).toEqual({ on: true });
  });

  it('names the path of a wrong shape', () => {
    const content = copy() as unknown as { topics: { keywords: { weight: unknown }[] }[]; signals: unknown };
    content.topics[2].keywords[1].weight = 'berat';
    delete (content as { signals?: unknown }).signals;
    expect(errorsOf(content)).toEqual(
      expect.arrayContaining([
        { field: 'content.topics.2.keywords.1.weight', message: 'Expected number, received string' },
        { field: 'content.signals', message: 'is required' },
      ]),
    );
    expect(errorsOf('not a rule set')).toEqual([{ field: 'content', message: 'Expected object, received string' }]);
  });

  it("places the engine's own problems at their path", () => {
    const content = copy();
    content.scoring.thresholds = { critical: 50, high: 60, normal: 30 };
    const banjir = content.topics.findIndex((t) => t.id === 'banjir');
    content.topics[banjir].keywords[3] = { phrase: 'luapan', weight: -1 };
    const fields = errorsOf(content).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['content.scoring.thresholds', `content.topics.${banjir}.keywords.3`]));
  });

  it('finds duplicate topics and unknown topic references', () => {
    const content = copy();
    content.topics.push({ ...content.topics[0] });
    content.signals.push({ phrase: 'zorblax', level: 'high', topics: ['tidak-ada'] });
    const errors = errorsOf(content);
    expect(errors.find((e) => /defined twice/.test(e.message))?.field).toBe('content.topics.0');
    expect(errors.find((e) => /unknown topic/.test(e.message))?.field).toBe(`content.signals.${content.signals.length - 1}`);
  });
});

describe('locateProblem', () => {
  it('falls back to the section, then to the whole rule set', () => {
    const ruleSet = copy();
    expect(locateProblem('place NOPE names unknown kecamatan KEC-1', ruleSet)).toBe('places');
    expect(locateProblem('version is empty', ruleSet)).toBe('version');
    expect(locateProblem('something new the engine checks', ruleSet)).toBe('content');
  });
});

describe('opdCodesOf', () => {
  it('lists default routes and routing rules with their paths', () => {
    const codes = opdCodesOf({
      topics: [
        {
          id: 't',
          label: 't',
          keywords: [{ phrase: 'x', weight: 1 }],
          baseScore: 40,
          opd: [{ code: 'DLH', confidence: 0.9 }],
          routing: [{ whenAny: ['y'], mode: 'replace', opd: [{ code: 'DPKP', confidence: 0.8 }] }],
        },
      ],
    });
    expect(codes).toEqual([
      { code: 'DLH', path: 'topics.0.opd.0.code' },
      { code: 'DPKP', path: 'topics.0.routing.0.opd.0.code' },
    ]);
  });
});
