import { CandidateFinder } from "./candidates.js";
import { compileCatalog, type CompiledCatalog } from "./compile.js";
import { fuzzyConfidence, ruleConfidence } from "./confidence.js";
import { describe, type DiagnoseOptions, type Diagnosis, type Evidence } from "./diagnosis.js";
import { lineIndex } from "./lines.js";
import { evaluate, type RuleMatch } from "./match.js";
import { normalize, originalRange, type View } from "./normalize.js";
import { parseSignatures, SignatureError } from "./parse.js";
import { redact } from "./redact.js";
import { FIELD_PATTERNS, type FieldName, type Signature } from "./schema.js";
import { Searcher, type SearchHit, type SearchOptions } from "./search.js";
import { toolName } from "./tools.js";

/**
 * Whether text reads like a person describing a problem ("claude keeps asking me to /login"), the
 * only text the fuzzy fallback looks at: one short line, no log-line timestamp or level prefix.
 * Log pipelines therefore never pay for fuzzy search.
 */
function looksLikeDescription(text: string): boolean {
  if (text.length > FUZZY_MAX_CHARS || text.length < 12 || text.includes("\n")) return false;
  return !LOG_PREFIX.test(text) && !ERROR_TEXT.test(text);
}
/**
 * Pasted error output (JSON, exception names, "Error:", a shell's "command not found") is for the
 * rules; fuzzy is for prose. A shell message shares words with install pages but names no cause.
 */
const ERROR_TEXT =
  /^\s*[{[<]|"\s*:|\b(?:error|exception|errno)\b\s*[:\]]|\w(?:error|exception)\b|exit(?:ed)? (?:with )?code|\bat \S+ \(|command not found|unknown command|is not recognized as (?:an internal|the name)|no such file or directory/i;
/** Timestamps, numeric prefixes and level tags that start log lines rather than sentences. */
const LOG_PREFIX = /^\W{0,3}(?:\d|\[?(?:trace|debug|info|warn|warning|error|fatal|notice|verbose)\b|[a-z]{3} {1,2}\d)/i;

/** Default cap on scanned input: beyond it, the head and the tail are scanned (errors sit at either end). */
export const DEFAULT_MAX_INPUT = 256 * 1024;
/** The tool hint adds this much to a signature's score: enough to break near-ties, not to hide a clearly better match. */
const HINT_BONUS = 0.75;
/** The fuzzy fallback only looks at short texts that name a tool: a sentence, not a log line. */
const FUZZY_MAX_CHARS = 300;
const FUZZY_MIN_STRENGTH = 0.7;
const EVIDENCE_MAX = 500;
const NO_OPTIONS: DiagnoseOptions = {};
const REQUEST_ID = /\b(req_[A-Za-z0-9]{8,64})\b/;

export interface DiagnoserConfig {
  /** Extra signatures (parsed JSON objects); validated, and an id equal to a built-in one replaces it. */
  signatures?: unknown[];
  /** Include the built-in catalog (default true). */
  builtin?: boolean;
  /** Characters scanned before sampling head and tail (default 256 KiB). */
  maxInput?: number;
}

export interface Diagnoser {
  /** The best diagnosis above the confidence threshold, or null. */
  diagnose(text: string, options?: DiagnoseOptions): Diagnosis | null;
  /** Ranked diagnoses, best first. */
  diagnoseAll(text: string, options?: DiagnoseOptions): Diagnosis[];
  search(query: string, options?: SearchOptions): SearchHit[];
  readonly catalog: readonly Signature[];
  getSignature(id: string): Signature | undefined;
}

/** The parts of the input that are scanned: all of it, or its head and tail when it is huge. */
export function sampleSegments(length: number, max: number): [number, number][] {
  if (length <= max) return [[0, length]];
  const half = Math.floor(max / 2);
  return [
    [0, half],
    [length - half, length],
  ];
}

function fieldsOf(match: RuleMatch, view: View): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (name: string, value: string | undefined) => {
    if (value === undefined || name in fields) return;
    const clean = redact(value.trim());
    const pattern = FIELD_PATTERNS[name as FieldName];
    if (pattern && pattern.test(clean)) fields[name] = clean;
  };
  for (const hit of match.hits) for (const [name, value] of Object.entries(hit.groups ?? {})) put(name, value);
  for (const e of match.signature.extract) {
    const r = e.regex.exec(view.text);
    if (r) put(e.field, r.groups?.[e.field] ?? r[1]);
  }
  if (!("requestId" in fields)) put("requestId", REQUEST_ID.exec(view.text)?.[1]);
  return fields;
}

function evidenceOf(match: RuleMatch, view: View, input: string, lineOf: (o: number) => number): Evidence[] {
  return match.hits
    .map((hit) => {
      const [start, end] = originalRange(view, hit.from, hit.to);
      // Redact before cutting: a secret cut in half would no longer be recognised.
      const text = redact(input.slice(start, Math.min(end, start + 8 * EVIDENCE_MAX))).slice(0, EVIDENCE_MAX);
      return { matcher: hit.matcher, start, end, line: lineOf(start), text };
    })
    .sort((a, b) => a.start - b.start);
}

/** Builds a diagnoser over the built-in catalog, a custom one, or both. */
export function createDiagnoserFrom(builtin: readonly Signature[], config: DiagnoserConfig = {}): Diagnoser {
  if (config.signatures !== undefined && !Array.isArray(config.signatures))
    throw new TypeError("createDiagnoser: `signatures` must be an array of signature objects");
  const custom = (config.signatures ?? []).flatMap((json, i) => parseSignatures(json, `signatures[${i}]`));
  // Two custom entries with one id would silently drop one; overriding a built-in id is intended.
  const seen = new Set<string>();
  custom.forEach((s, i) => {
    if (seen.has(s.id))
      throw new SignatureError(`signatures[${i}]: $.id: duplicate id "${s.id}" in the custom signatures`, `signatures[${i}]`, [
        { path: "$.id", message: `duplicate id "${s.id}"` },
      ]);
    seen.add(s.id);
  });
  const signatures = [...(config.builtin === false ? [] : builtin), ...custom];
  const maxInput = Math.max(1024, config.maxInput ?? DEFAULT_MAX_INPUT);

  // Compiled on first use so importing the package costs nothing.
  let ready: { compiled: CompiledCatalog; finder: CandidateFinder } | null = null;
  let searcher: Searcher | null = null;
  const catalogOf = () => {
    if (!ready) {
      const compiled = compileCatalog(signatures);
      ready = { compiled, finder: new CandidateFinder(compiled) };
    }
    return ready;
  };
  const searcherOf = () => (searcher ??= new Searcher(catalogOf().compiled.signatures.map((c) => c.signature)));
  // Compile eagerly when custom signatures are given so a bad one fails at construction.
  if (custom.length > 0) catalogOf();

  /** Fuzzy fallback: only for a one-line description that names a tool (seen by the prefilter). */
  function fuzzy(text: string, options: DiagnoseOptions, toolMentioned: boolean, minConfidence: number): Diagnosis[] | null {
    if (!toolMentioned || options.fuzzy === false || !looksLikeDescription(text)) return null;
    const s = searcherOf();
    const mentioned = s.toolsMentioned(text);
    const best = s.best(text, options.tool && mentioned.includes(options.tool) ? options.tool : mentioned[0]);
    if (!best || best.strength < FUZZY_MIN_STRENGTH) return null;
    const sig = catalogOf().compiled.byId.get(best.id)?.signature;
    const confidence = fuzzyConfidence(1 - best.strength);
    if (!sig || confidence < minConfidence) return null;
    return [{ ...describe(sig), toolName: toolName(sig.tool), confidence, matchedBy: "fuzzy", score: 0, evidence: [], fields: {} }];
  }

  /** The pipeline; null when nothing applies (the common case, so it allocates nothing). */
  function run(text: string, options: DiagnoseOptions, forcedLimit?: number): Diagnosis[] | null {
    if (typeof text !== "string") throw new TypeError("diagnose: text must be a string");
    const { finder } = catalogOf();
    // The hot path for log lines: one automaton pass, no candidate, done; nothing allocated.
    const sampled = text.length > maxInput;
    const half = Math.floor(maxInput / 2);
    const candidates = sampled
      ? finder.find(text, 0, half, text.length - half, text.length)
      : finder.find(text, 0, text.length);
    const minConfidence = options.minConfidence ?? 0.3;
    if (candidates.length === 0) return fuzzy(text, options, finder.toolMentioned, minConfidence);
    const toolMentioned = finder.toolMentioned;
    const limit = Math.max(1, forcedLimit ?? options.limit ?? 5);

    const view = normalize(text, sampleSegments(text.length, maxInput));
    const lineOf = lineIndex(text);
    const viewLine = (offset: number) => lineOf(view.map[offset] ?? 0);
    const matches: RuleMatch[] = [];
    for (const c of candidates) {
      const m = evaluate(c, view, viewLine);
      if (m) matches.push(m);
    }
    if (matches.length === 0) return fuzzy(text, options, toolMentioned, minConfidence);

    const effective = (m: RuleMatch) => m.score + (options.tool && m.signature.signature.tool === options.tool ? HINT_BONUS : 0);
    matches.sort(
      (a, b) =>
        effective(b) - effective(a) ||
        b.pieces - a.pieces ||
        a.signature.signature.id.localeCompare(b.signature.signature.id),
    );
    const out: Diagnosis[] = [];
    matches.forEach((m, rank) => {
      const runnerUp = rank === 0 ? (matches[1]?.score ?? 0) : (matches[0]?.score ?? 0);
      const confidence = ruleConfidence(m.score, Math.min(runnerUp, m.score));
      if (confidence < minConfidence || out.length >= limit) return;
      const sig = m.signature.signature;
      out.push({
        ...describe(sig),
        toolName: toolName(sig.tool),
        confidence,
        matchedBy: "rules",
        score: Math.round(m.score * 100) / 100,
        evidence: evidenceOf(m, view, text, lineOf),
        fields: fieldsOf(m, view),
      });
    });
    return out;
  }

  return {
    diagnoseAll: (text, options = NO_OPTIONS) => run(text, options) ?? [],
    diagnose: (text, options = NO_OPTIONS) => run(text, options, 1)?.[0] ?? null,
    search: (query, options) => searcherOf().search(query, options),
    get catalog() {
      return catalogOf().compiled.signatures.map((c) => c.signature);
    },
    getSignature: (id) => catalogOf().compiled.byId.get(id)?.signature,
  };
}
