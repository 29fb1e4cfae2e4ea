import { doesNoWorse, scorePairs } from './model-metrics';

describe('model metrics', () => {
  it('gives accuracy and macro-F1 over the classes seen', () => {
    const result = scorePairs([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
    expect(result.accuracy).toBe(0.75);
    // a: P 1, R .5 → .667; b: P .5, R 1 → .667; c: 1.
    expect(result.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 1) / 3, 6);
    expect(scorePairs([])).toEqual({ accuracy: 0, macroF1: 0 });
  });

  it('accepts a blend only when neither urgency nor OPD accuracy drops', () => {
    const rules = { urgencyAccuracy: 0.8, urgencyMacroF1: 0.7, opdAccuracy: 0.9, opdMacroF1: 0.8 };
    expect(doesNoWorse(rules, rules)).toBe(true);
    expect(doesNoWorse(rules, { ...rules, opdAccuracy: 0.91 })).toBe(true);
    expect(doesNoWorse(rules, { ...rules, urgencyAccuracy: 0.79, opdAccuracy: 0.95 })).toBe(false);
  });
});
