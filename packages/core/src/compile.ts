import { matcherAlternatives, type Word } from "./literals.js";
import { WordAutomaton } from "./prefilter.js";
import type { FieldName, Matcher, Signature } from "./schema.js";
import { SignatureError } from "./parse.js";
import { TOOLS } from "./tools.js";

/** A matcher ready to run: its regex (global, case-insensitive) and its required word ids. */
export interface CompiledMatcher {
  name: string;
  regex: RegExp;
  weight: number;
}

/** Word-id lists, one per alternative: the gate holds when one list is fully present. */
export type Gate = Int32Array[];

export interface CompiledSignature {
  signature: Signature;
  all: CompiledMatcher[];
  any: CompiledMatcher[];
  none: CompiledMatcher[];
  minAny: number;
  window: number;
  extract: { field: FieldName; regex: RegExp }[];
  /** One gate per `all` matcher that has required words: every gate must hold. */
  allGates: Gate[];
  /** Alternatives of the `any` matchers when at least one of those with words must hit: one must hold. */
  anyGate: Gate;
}

export interface CompiledCatalog {
  signatures: CompiledSignature[];
  automaton: WordAutomaton;
  /** Word id → indices of signatures anchored on that word (checked when the word is seen). */
  anchored: Int32Array[];
  /** Per word id: 1 when the word names a tool ("claude", "codex"): the fuzzy fallback needs one. */
  toolWord: Uint8Array;
  byId: Map<string, CompiledSignature>;
}

/** Words so common in logs that they make poor anchors; any other required word is preferred. */
const POOR_ANCHORS = new Set([
  "error", "api", "the", "failed", "request", "code", "message", "type", "http", "https", "com",
  "invalid", "for", "and", "not", "with", "from", "status", "exception", "400", "401", "403", "404",
  "429", "500", "503", "line", "file", "true", "false", "null",
]);

/**
 * How good a word is as an anchor: rare in the catalog (few signatures use it), not a word every
 * log has, long, and bounded. The signature is only checked when its anchor occurs, so a rare
 * anchor keeps the per-line cost flat as the catalog grows.
 */
function anchorRank(w: Word, df: Map<string, number>): number {
  return (
    (POOR_ANCHORS.has(w.text) ? 0 : 1000) -
    10 * Math.min(df.get(w.text) ?? 1, 50) +
    Math.min(w.text.length, 40) +
    (w.start ? 2 : 0) +
    (w.end ? 2 : 0)
  );
}

function anchorOf(words: Word[], df: Map<string, number>): Word {
  let best = words[0] as Word;
  for (const w of words) if (anchorRank(w, df) > anchorRank(best, df)) best = w;
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
  const wordList: Word[] = [];
  const idOf = (w: Word) => {
    const key = `${w.text}|${w.start ? 1 : 0}${w.end ? 1 : 0}`;
    let id = wordIds.get(key);
    if (id === undefined) {
      id = wordList.length;
      wordIds.set(key, id);
      wordList.push(w);
    }
    return id;
  };
  const gateOf = (alternatives: Word[][]): Gate => alternatives.map((alt) => Int32Array.from(alt.map(idOf)));

  const compiled: CompiledSignature[] = [];
  const anchors: number[][] = [];
  // Words of every matcher, and in how many signatures each word occurs (for anchor choice).
  const parsed = [...byId.values()].map((s) => ({
    s,
    allAlts: s.match.all.map(matcherAlternatives).filter((a) => a.length > 0),
    anyAlts: s.match.any.map(matcherAlternatives),
  }));
  const df = new Map<string, number>();
  for (const { allAlts, anyAlts } of parsed)
    for (const text of new Set([...allAlts, ...anyAlts].flat(2).map((w) => w.text))) df.set(text, (df.get(text) ?? 0) + 1);

  for (const { s, allAlts, anyAlts } of parsed) {
    const { match } = s;
    let anchorWords: Word[];
    let anyGate: Word[][] = [];
    if (match.all.length > 0) {
      if (allAlts.length === 0)
        throw new SignatureError(
          `${s.id}: $.match.all: no matcher has a literal word of 3+ characters the prefilter can use`,
          s.id,
          [{ path: "$.match.all", message: "no prefilter word" }],
        );
      // Anchor on the `all` matcher whose weakest alternative has the best word.
      const score = (alts: Word[][]) => Math.min(...alts.map((alt) => anchorRank(anchorOf(alt, df), df)));
      const best = allAlts.reduce((a, b) => (score(b) > score(a) ? b : a));
      anchorWords = best.map((alt) => anchorOf(alt, df));
      // When some `any` matcher with words must hit, one of their alternatives must be present too.
      const withoutWords = anyAlts.filter((a) => a.length === 0).length;
      if (match.minAny > withoutWords) anyGate = anyAlts.flat();
    } else {
      const bad = anyAlts.findIndex((a) => a.length === 0);
      if (bad >= 0)
        throw new SignatureError(
          `${s.id}: $.match.any[${bad}]: without \`all\` matchers every \`any\` matcher needs a literal word of 3+ characters`,
          s.id,
          [{ path: `$.match.any[${bad}]`, message: "no prefilter word" }],
        );
      anyGate = anyAlts.flat();
      anchorWords = anyGate.map((alt) => anchorOf(alt, df));
    }
    anchors.push([...new Set(anchorWords.map(idOf))]);
    compiled.push({
      signature: s,
      all: match.all.map((m, i) => compileMatcher(m, `all-${i}`)),
      any: match.any.map((m, i) => compileMatcher(m, `any-${i}`)),
      none: match.none.map((m, i) => compileMatcher(m, `none-${i}`)),
      minAny: match.any.length === 0 ? 0 : match.minAny,
      window: match.window,
      extract: s.extract.map((e) => ({ field: e.field, regex: new RegExp(e.regex, "i") })),
      allGates: allAlts.map(gateOf),
      anyGate: gateOf(anyGate),
    });
  }

  // Tool names ride along in the same automaton, so knowing whether a line names a tool is free.
  const toolIds = new Set<number>();
  for (const [id, t] of Object.entries(TOOLS))
    for (const name of [id, ...t.aliases])
      for (const text of name.toLowerCase().split(/[^a-z0-9_]+/).filter((w) => w.length >= 3))
        if (!["code", "api", "cli"].includes(text)) toolIds.add(idOf({ text, start: true, end: true }));

  const anchoredLists: number[][] = wordList.map(() => []);
  anchors.forEach((ids, sigIndex) => {
    for (const id of ids) anchoredLists[id]!.push(sigIndex);
  });
  return {
    signatures: compiled,
    automaton: new WordAutomaton(
      wordList.map((w) => w.text),
      Uint8Array.from(wordList.map((w) => (w.start ? 1 : 0) | (w.end ? 2 : 0))),
    ),
    anchored: anchoredLists.map((l) => Int32Array.from(l)),
    toolWord: Uint8Array.from(wordList.map((_, id) => (toolIds.has(id) ? 1 : 0))),
    byId: new Map(compiled.map((c) => [c.signature.id, c])),
  };
}
