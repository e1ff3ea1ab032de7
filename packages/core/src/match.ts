import type { CompiledMatcher, CompiledSignature } from "./compile.js";
import type { View } from "./normalize.js";

/** One regex hit in the view. */
export interface ViewHit {
  matcher: string;
  from: number;
  to: number;
  groups: Record<string, string | undefined> | undefined;
  weight: number;
}

/** A signature whose rules hold on the input. */
export interface RuleMatch {
  signature: CompiledSignature;
  /** Total weight of the evidence used. */
  score: number;
  /** Distinct pieces of evidence used (specificity). */
  pieces: number;
  hits: ViewHit[];
}

/** Hits kept per matcher; enough to pick a set that fits the line window. */
const MAX_HITS = 8;

function hitsOf(m: CompiledMatcher, text: string): ViewHit[] {
  const out: ViewHit[] = [];
  const re = m.regex;
  re.lastIndex = 0;
  while (out.length < MAX_HITS) {
    const r = re.exec(text);
    if (!r) break;
    out.push({ matcher: m.name, from: r.index, to: r.index + r[0].length, groups: r.groups, weight: m.weight });
    if (r[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Evaluates one candidate's rules on the view.
 * @param lineOf maps a view offset to its line number in the original input (for the window).
 */
export function evaluate(sig: CompiledSignature, view: View, lineOf: (viewOffset: number) => number): RuleMatch | null {
  const text = view.text;
  for (const m of sig.none) if (hitsOf(m, text).length > 0) return null;

  const allHits: ViewHit[][] = [];
  for (const m of sig.all) {
    const hits = hitsOf(m, text);
    if (hits.length === 0) return null;
    allHits.push(hits);
  }
  const anyHits = sig.any.map((m) => hitsOf(m, text)).filter((h) => h.length > 0);
  if (anyHits.length < sig.minAny) return null;

  // Choose one hit per matcher within `window` lines. Anchor on each hit of the first list and take
  // the nearest hit of every other list; the first anchor that works wins.
  const lists = [...allHits, ...anyHits];
  const required = allHits.length;
  const anchors = lists[0] ?? [];
  for (const anchor of anchors) {
    const base = lineOf(anchor.from);
    const chosen: ViewHit[] = [anchor];
    let ok = true;
    let anyUsed = allHits.length === 0 ? 1 : 0;
    for (let i = 1; i < lists.length; i++) {
      let best: ViewHit | null = null;
      let bestDistance = Infinity;
      for (const h of lists[i]!) {
        const d = Math.abs(lineOf(h.from) - base);
        if (d < bestDistance) {
          bestDistance = d;
          best = h;
        }
      }
      if (best && bestDistance <= sig.window) {
        chosen.push(best);
        if (i >= required) anyUsed++;
      } else if (i < required) {
        ok = false;
        break;
      }
    }
    if (!ok || anyUsed < sig.minAny) continue;
    let score = 0;
    for (const h of chosen) score += h.weight;
    return { signature: sig, score, pieces: chosen.length, hits: chosen };
  }
  return null;
}
