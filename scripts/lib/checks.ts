// Cross-entry checks on a set of signatures: the second validation layer after the zod schema.
// Each check is small and named; validate-signatures runs them all and the test suite reuses them.
import { compileCatalog } from "../../packages/core/src/compile.js";
import type { Diagnoser } from "../../packages/core/src/diagnoser.js";
import type { Signature } from "../../packages/core/src/schema.js";
import { matcherAlternatives } from "../../packages/core/src/literals.js";

export interface Problem {
  id: string;
  check: string;
  message: string;
}

/** Every matcher used for gating yields prefilter words; the whole set compiles. */
export function checkPrefilter(signatures: Signature[]): Problem[] {
  const out: Problem[] = [];
  for (const s of signatures) {
    const key = s.match.all.length > 0 ? "all" : "any";
    const gating = s.match[key];
    const empty = gating.map((m, i) => [i, matcherAlternatives(m).length === 0] as const).filter(([, e]) => e);
    // With `all`, one matcher with words is enough; with only `any`, every matcher needs words.
    if (key === "any" || empty.length === gating.length)
      for (const [i] of empty)
        out.push({ id: s.id, check: "prefilter", message: `$.match.${key}[${i}]: has no literal word of 3+ characters outside optional parts` });
  }
  try {
    compileCatalog(signatures);
  } catch (e) {
    out.push({ id: "-", check: "prefilter", message: (e as Error).message });
  }
  return out;
}

/** Ids are unique. */
export function checkUniqueIds(signatures: Signature[]): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const s of signatures) {
    if (seen.has(s.id)) out.push({ id: s.id, check: "unique-id", message: "duplicate id" });
    seen.add(s.id);
  }
  return out;
}

/** `related` ids exist in the catalog. */
export function checkRelated(signatures: Signature[], known: Set<string>): Problem[] {
  return signatures.flatMap((s) =>
    s.related
      .filter((r) => !known.has(r))
      .map((r) => ({ id: s.id, check: "related", message: `$.related: unknown id "${r}"` })),
  );
}

/** Every example diagnoses to its own id (top-1); no counterexample does. */
export function checkExamples(signatures: Signature[], diagnoser: Diagnoser): Problem[] {
  const out: Problem[] = [];
  for (const s of signatures) {
    s.examples.forEach((ex, i) => {
      const got = diagnoser.diagnose(ex.text, { fuzzy: false });
      if (got?.id !== s.id)
        out.push({
          id: s.id,
          check: "examples",
          message: `$.examples[${i}]: diagnosed as ${got ? `${got.id} (${got.confidence})` : "nothing"}: ${JSON.stringify(ex.text.slice(0, 100))}`,
        });
    });
    s.counterexamples.forEach((ex, i) => {
      const got = diagnoser.diagnose(ex.text, { fuzzy: false });
      if (got?.id === s.id)
        out.push({ id: s.id, check: "counterexamples", message: `$.counterexamples[${i}]: diagnosed as this signature: ${JSON.stringify(ex.text.slice(0, 100))}` });
    });
  }
  return out;
}
