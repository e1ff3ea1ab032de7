/**
 * How sure a diagnosis is, from 0 to 1.
 *
 * - Rule matches: the score is the total weight of matched evidence (one ordinary piece = 1).
 *   `1 - 0.4 · 0.55^(score - 1)` gives 0.60 for one piece, 0.78 for two, 0.88 for three, 0.93 for
 *   four. When another signature (not declared related) scored nearly as high the text is
 *   ambiguous, so confidence drops by up to 35 % (at a tie).
 * - Fuzzy matches (paraphrased text, no rule held) never exceed FUZZY_MAX, so any rule match outranks
 *   any fuzzy one.
 * These constants were checked against the labelled dev corpus (`pnpm eval` prints the calibration
 * table: how often answers in each confidence band are right).
 */
export const FUZZY_MAX = 0.5;

export function ruleConfidence(score: number, runnerUp: number): number {
  const base = 1 - 0.4 * Math.pow(0.55, Math.max(0, score - 1));
  const closeness = runnerUp > 0 ? Math.min(1, runnerUp / score) : 0;
  const value = base * (1 - 0.35 * closeness * closeness);
  return Math.round(Math.min(0.99, value) * 1000) / 1000;
}

/** Fuse scores are 0 (perfect) … 1 (no match). */
export function fuzzyConfidence(fuseScore: number): number {
  return Math.round(Math.max(0, FUZZY_MAX * (1 - fuseScore)) * 1000) / 1000;
}
