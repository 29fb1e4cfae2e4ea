import type { TriageModelScores } from '@sigap/contracts';

/** Accuracy and macro-F1 (over the classes in the truth or the guesses) of (truth, guess) pairs. */
export function scorePairs(pairs: readonly [string, string][]): { accuracy: number; macroF1: number } {
  if (pairs.length === 0) return { accuracy: 0, macroF1: 0 };
  const classes = new Set<string>();
  for (const [truth, guess] of pairs) classes.add(truth).add(guess);
  let correct = 0;
  let f1Sum = 0;
  for (const label of classes) {
    let tp = 0;
    let support = 0;
    let predicted = 0;
    for (const [truth, guess] of pairs) {
      if (truth === label) support++;
      if (guess === label) predicted++;
      if (truth === label && guess === label) tp++;
    }
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    f1Sum += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  for (const [truth, guess] of pairs) if (truth === guess) correct++;
  return { accuracy: correct / pairs.length, macroF1: f1Sum / classes.size };
}

export function scores(urgency: [string, string][], opd: [string, string][]): TriageModelScores {
  const u = scorePairs(urgency);
  const o = scorePairs(opd);
  return { urgencyAccuracy: u.accuracy, urgencyMacroF1: u.macroF1, opdAccuracy: o.accuracy, opdMacroF1: o.macroF1 };
}

/** The blend may be activated only when it does no worse than the rules on either head. */
export function doesNoWorse(rules: TriageModelScores, blended: TriageModelScores): boolean {
  const EPSILON = 1e-9;
  return blended.urgencyAccuracy + EPSILON >= rules.urgencyAccuracy && blended.opdAccuracy + EPSILON >= rules.opdAccuracy;
}
