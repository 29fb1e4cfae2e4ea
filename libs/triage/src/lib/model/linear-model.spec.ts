import { isTriageModel, predict, trainModel, trainModelSteps } from './linear-model';
import type { TrainingExample } from './triage-model.types';

const EXAMPLES: TrainingExample[] = [
  { text: 'tolong ada warga terjebak banjir sedada di Cicaheum', urgency: 'critical', opd: 'DISKARPB' },
  { text: 'kebakaran rumah api makin besar ada orang di dalam', urgency: 'critical', opd: 'DISKARPB' },
  { text: 'banjir sepinggang warga terjebak di atap rumah', urgency: 'critical', opd: 'DISKARPB' },
  { text: 'pohon tumbang menutup jalan Dago', urgency: 'high', opd: 'DISKARPB' },
  { text: 'pohon besar tumbang menimpa mobil', urgency: 'high', opd: 'DISKARPB' },
  { text: 'jalan berlubang di Jl. Soekarno-Hatta belum diperbaiki', urgency: 'normal', opd: 'DSDABM' },
  { text: 'jalannya rusak parah banyak lubang kapan diperbaiki', urgency: 'normal', opd: 'DSDABM' },
  { text: 'lampu jalan mati sudah seminggu di Pasteur', urgency: 'normal', opd: 'DISHUB' },
  { text: 'PJU padam gelap sekali malam ini', urgency: 'normal', opd: 'DISHUB' },
  { text: 'terima kasih pemkot pelayanannya cepat', urgency: 'low', opd: null },
  { text: 'hatur nuhun bapak ibu, mantap pelayanannya', urgency: 'low', opd: null },
  { text: 'cara bikin KTP elektronik gimana ya', urgency: 'low', opd: 'DISDUKCAPIL' },
  { text: 'KTP saya belum jadi sudah tiga bulan', urgency: 'normal', opd: 'DISDUKCAPIL' },
];
// The examples are few: keep every feature (the default drops those seen in fewer than three messages).
const train = (examples: TrainingExample[], epochs?: number): ReturnType<typeof trainModel> =>
  trainModel(examples, { minDocumentFrequency: 1, ...(epochs ? { epochs } : {}) });

describe('learned triage model', () => {
  it('learns the urgency and the primary OPD of its examples', () => {
    const model = train(EXAMPLES);
    expect(predict(model, 'warga terjebak banjir sedada').urgency.label).toBe('critical');
    expect(predict(model, 'jalan berlubang rusak parah').opd.label).toBe('DSDABM');
    expect(predict(model, 'lampu jalan PJU mati').opd.label).toBe('DISHUB');
    expect(predict(model, 'terima kasih, mantap').opd.label).toBe('(none)');
  });

  it('gives a probability for every class, most probable first, summing to one', () => {
    const prediction = predict(train(EXAMPLES), 'pohon tumbang');
    const total = prediction.urgency.ranked.reduce((sum, c) => sum + c.probability, 0);
    expect(total).toBeCloseTo(1, 6);
    expect(prediction.urgency.ranked).toHaveLength(4);
    expect(prediction.urgency.ranked[0].probability).toBeGreaterThanOrEqual(prediction.urgency.ranked[1].probability);
    expect(prediction.opd.ranked.map((c) => c.label).sort()).toEqual(['(none)', 'DISDUKCAPIL', 'DISHUB', 'DISKARPB', 'DSDABM']);
  });

  it('trains deterministically and survives a JSON round trip', () => {
    const a = train(EXAMPLES);
    const b = train(EXAMPLES);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const copy: unknown = JSON.parse(JSON.stringify(a));
    expect(isTriageModel(copy)).toBe(true);
    if (!isTriageModel(copy)) return;
    expect(predict(copy, 'kebakaran rumah')).toEqual(predict(a, 'kebakaran rumah'));
  });

  it('reads slang and stretched letters like the engine', () => {
    const model = train(EXAMPLES);
    expect(predict(model, 'jln bolong2 rusaaak').opd.label).toBe('DSDABM');
  });

  it('lets a heavier example count more', () => {
    const text = 'sampah numpuk di pasar';
    const light = train([...EXAMPLES, { text, urgency: 'high', opd: 'DSDABM', weight: 1 }]);
    const heavy = train([...EXAMPLES, { text, urgency: 'high', opd: 'DSDABM', weight: 5 }]);
    const p = (model: ReturnType<typeof trainModel>): number =>
      predict(model, text).urgency.ranked.find((c) => c.label === 'high')?.probability ?? 0;
    expect(p(heavy)).toBeGreaterThan(p(light));
  });

  it('trains in steps, one epoch each, and refuses no examples', () => {
    const steps = trainModelSteps(EXAMPLES, { epochs: 3 });
    expect(steps.next()).toEqual({ done: false, value: { epoch: 1, epochs: 3 } });
    expect(steps.next()).toEqual({ done: false, value: { epoch: 2, epochs: 3 } });
    const last = steps.next();
    expect(last.done).toBe(true);
    expect(() => train([])).toThrow(/no examples/);
  });

  it('predicts on empty, emoji-only and very long text without crashing', () => {
    const model = train(EXAMPLES);
    for (const text of ['', '🔥🔥🌊', 'a'.repeat(10_000), '\u200b\u200b']) {
      expect(model.urgency.classes).toContain(predict(model, text).urgency.label);
    }
  });

  it('rejects values that are not a model', () => {
    expect(isTriageModel(null)).toBe(false);
    expect(isTriageModel({ format: 'sigap-linear-v1' })).toBe(false);
    const model = train(EXAMPLES);
    expect(isTriageModel({ ...model, urgency: { ...model.urgency, weights: [[1]] } })).toBe(false);
  });
});
