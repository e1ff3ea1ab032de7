import { matcherWords } from "./literals.js";
import { WordAutomaton } from "./prefilter.js";
import type { FieldName, Matcher, Signature } from "./schema.js";
import { SignatureError } from "./parse.js";

/** A matcher ready to run: its regex (global, case-insensitive) and its required word ids. */
export interface CompiledMatcher {
  name: string;
  regex: RegExp;
  weight: number;
}

export interface CompiledSignature {
  signature: Signature;
  all: CompiledMatcher[];
  any: CompiledMatcher[];
  none: CompiledMatcher[];
  minAny: number;
  window: number;
  extract: { field: FieldName; regex: RegExp }[];
  /** Word ids that must all be present (from the `all` matchers). */
  required: Int32Array;
  /** When there is no `all` matcher: one word-id list per `any` matcher; one must be fully present. */
  anyGates: Int32Array[];
}

export interface CompiledCatalog {
  signatures: CompiledSignature[];
  automaton: WordAutomaton;
  /** Word id → indices of signatures anchored on that word (checked when the word is seen). */
  anchored: Int32Array[];
  byId: Map<string, CompiledSignature>;
}

/** Words so common in logs that they make poor anchors; any other required word is preferred. */
const POOR_ANCHORS = new Set([
  "error", "api", "the", "failed", "request", "code", "message", "type", "http", "https", "com",
  "invalid", "for", "and", "not", "with", "from", "status", "exception", "400", "401", "403", "404",
  "429", "500", "503", "line", "file", "true", "false", "null",
]);

function anchorOf(words: string[]): string {
  let best = words[0] as string;
  const rank = (w: string) => (POOR_ANCHORS.has(w) ? 0 : 100) + Math.min(w.length, 40);
  for (const w of words) if (rank(w) > rank(best)) best = w;
  return best;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, " ");
}

function compileMatcher(m: Matcher, fallbackName: string): CompiledMatcher {
  const source = m.literal !== undefined ? escapeRegex(m.literal.trim()) : (m.regex as string);
  return { name: m.name ?? fallbackName, regex: new RegExp(source, "gi"), weight: m.weight };
}

/**
 * Compiles validated signatures. Later signatures with the same id replace earlier ones, which is
 * how a custom catalog overrides built-in entries.
 * @throws SignatureError when a signature gives the prefilter nothing to anchor on.
 */
export function compileCatalog(signatures: readonly Signature[]): CompiledCatalog {
  const byId = new Map<string, Signature>();
  for (const s of signatures) byId.set(s.id, s);

  const wordIds = new Map<string, number>();
  const idOf = (w: string) => {
    let id = wordIds.get(w);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(w, id);
    }
    return id;
  };

  const compiled: CompiledSignature[] = [];
  const anchors: string[][] = [];
  for (const s of byId.values()) {
    const { match } = s;
    const allWords = [...new Set(match.all.flatMap(matcherWords))];
    let anyGates: string[][] = [];
    let anchorWords: string[];
    if (match.all.length > 0) {
      if (allWords.length === 0)
        throw new SignatureError(
          `${s.id}: $.match.all: no matcher has a literal word of 3+ characters the prefilter can use`,
          s.id,
          [{ path: "$.match.all", message: "no prefilter word" }],
        );
      anchorWords = [anchorOf(allWords)];
    } else {
      anyGates = match.any.map(matcherWords);
      const bad = anyGates.findIndex((g) => g.length === 0);
      if (bad >= 0)
        throw new SignatureError(
          `${s.id}: $.match.any[${bad}]: without \`all\` matchers every \`any\` matcher needs a literal word of 3+ characters`,
          s.id,
          [{ path: `$.match.any[${bad}]`, message: "no prefilter word" }],
        );
      anchorWords = [...new Set(anyGates.map(anchorOf))];
    }
    anchors.push(anchorWords);
    compiled.push({
      signature: s,
      all: match.all.map((m, i) => compileMatcher(m, `all-${i}`)),
      any: match.any.map((m, i) => compileMatcher(m, `any-${i}`)),
      none: match.none.map((m, i) => compileMatcher(m, `none-${i}`)),
      minAny: match.any.length === 0 ? 0 : match.minAny,
      window: match.window,
      extract: s.extract.map((e) => ({ field: e.field, regex: new RegExp(e.regex, "i") })),
      required: Int32Array.from(allWords.map(idOf)),
      anyGates: anyGates.map((g) => Int32Array.from(g.map(idOf))),
    });
  }

  const words = [...wordIds.keys()];
  const anchoredLists: number[][] = words.map(() => []);
  anchors.forEach((list, sigIndex) => {
    for (const w of list) anchoredLists[wordIds.get(w) as number]!.push(sigIndex);
  });
  return {
    signatures: compiled,
    automaton: new WordAutomaton(words),
    anchored: anchoredLists.map((l) => Int32Array.from(l)),
    byId: new Map(compiled.map((c) => [c.signature.id, c])),
  };
}
