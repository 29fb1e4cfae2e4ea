import type { TriageResult } from '../triage.types';
import { combine } from './model-combiner';
import type { HeadPrediction, ModelPrediction } from './triage-model.types';

const rules: TriageResult = {
  urgency: 'normal',
  score: 45,
  opd: [
    { code: 'DSDABM', confidence: 0.8 },
    { code: 'DISHUB', confidence: 0.4 },
    { code: 'KEC-COBLONG', confidence: 0.9 },
  ],
  kecamatan: 'KEC-COBLONG',
  kelurahan: null,
  topic: 'jalan_rusak',
  reasons: ["kata 'berlubang'"],
  ruleSetVersion: 'v1',
  sentiment: 'negatif',
  language: 'id',
  misinformation: false,
  place: null,
};

const head = (label: string, probability: number): HeadPrediction => ({ label, probability, ranked: [{ label, probability }] });
const prediction = (urgency: string, pu: number, opd: string, po: number): ModelPrediction =>
  ({ urgency: head(urgency, pu), opd: head(opd, po) }) as ModelPrediction;

describe('combine', () => {
  it('returns the rules untouched without a model or when the model is unsure', () => {
    expect(combine(rules, null)).toBe(rules);
    expect(combine(rules, prediction('critical', 0.5, 'DISHUB', 0.5))).toBe(rules);
  });

  it('moves urgency one level at most, keeps the score in its band and says why', () => {
    const result = combine(rules, prediction('critical', 0.97, 'DSDABM', 0.9));
    expect(result.urgency).toBe('high');
    expect(result.score).toBe(60);
    expect(result.reasons.at(-1)).toMatch(/^model: urgensi normal→high \(critical 97%\)/);
    expect(result.reasons[0]).toBe("kata 'berlubang'");
  });

  it('never lowers a critical reading', () => {
    const critical = { ...rules, urgency: 'critical' as const, score: 90 };
    expect(combine(critical, prediction('low', 0.99, 'DSDABM', 0.9))).toBe(critical);
  });

  it('moves a unit the rules named to the front when confident, areas last', () => {
    const result = combine(rules, prediction('normal', 0.9, 'DISHUB', 0.7));
    expect(result.opd.map((tag) => tag.code)).toEqual(['DISHUB', 'DSDABM', 'KEC-COBLONG']);
    expect(result.reasons.at(-1)).toContain('OPD DISHUB didahulukan (70%), aturan: DSDABM');
  });

  it('needs more confidence to bring in a unit the rules did not name', () => {
    expect(combine(rules, prediction('normal', 0.9, 'DLH', 0.7)).opd).toBe(rules.opd);
    expect(combine(rules, prediction('normal', 0.9, 'DLH', 0.95)).opd[0]).toEqual({ code: 'DLH', confidence: 0.95 });
  });

  it('never removes the rules units because the model says no unit', () => {
    expect(combine(rules, prediction('normal', 0.9, '(none)', 0.99))).toBe(rules);
  });
});
