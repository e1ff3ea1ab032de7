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
  return !LOG_PREFIX.test(text);
}
const LOG_PREFIX = /^\W{0,3}(?:\d{2,4}[-/:. ]\d{1,2}|\[?(?:trace|debug|info|warn|warning|error|fatal|notice)\b)/i;

/** Default cap on scanned input: beyond it, the head and the tail are scanned (errors sit at either end). */
export const DEFAULT_MAX_INPUT = 256 * 1024;
/** The tool hint adds this much to a signature's score: enough to break near-ties, not to hide a clearly better match. */
const HINT_BONUS = 0.75;
/** The fuzzy fallback only looks at short texts that name a tool: a sentence, not a log line. */
const FUZZY_MAX_CHARS = 300;
const FUZZY_MIN_STRENGTH = 0.6;
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
      const raw = input.slice(start, Math.min(end, start + EVIDENCE_MAX));
      return { matcher: hit.matcher, start, end, line: lineOf(start), text: redact(raw) };
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
  let compiled: CompiledCatalog | null = null;
  let finder: CandidateFinder | null = null;
  let searcher: Searcher | null = null;
  const catalogOf = () => {
    if (!compiled) {
      compiled = compileCatalog(signatures);
      finder = new CandidateFinder(compiled);
    }
    return { compiled, finder: finder as CandidateFinder };
  };
  const searcherOf = () => (searcher ??= new Searcher(catalogOf().compiled.signatures.map((c) => c.signature)));
  // Compile eagerly when custom signatures are given so a bad one fails at construction.
  if (custom.length > 0) catalogOf();

  function fuzzy(text: string, options: DiagnoseOptions): Diagnosis[] {
    if (options.fuzzy === false || !looksLikeDescription(text)) return [];
    const s = searcherOf();
    const mentioned = s.toolsMentioned(text);
    if (mentioned.length === 0) return [];
    const best = s.best(text, options.tool && mentioned.includes(options.tool) ? options.tool : mentioned[0]);
    if (!best || best.strength < FUZZY_MIN_STRENGTH) return [];
    const sig = catalogOf().compiled.byId.get(best.id)?.signature;
    if (!sig) return [];
    return [
      {
        ...describe(sig),
        toolName: toolName(sig.tool),
        confidence: fuzzyConfidence(1 - best.strength),
        matchedBy: "fuzzy",
        score: 0,
        evidence: [],
        fields: {},
      },
    ];
  }

  function diagnoseAll(text: string, options: DiagnoseOptions = NO_OPTIONS, forcedLimit?: number): Diagnosis[] {
    if (typeof text !== "string") throw new TypeError("diagnose: text must be a string");
    const { finder } = catalogOf();
    const segments = text.length <= maxInput ? [[0, text.length] as [number, number]] : sampleSegments(text.length, maxInput);
    // The hot path for log lines: one automaton pass, no candidate, done.
    const candidates = finder.find(text, segments);
    const minConfidence = options.minConfidence ?? 0.3;
    if (candidates.length === 0) return fuzzy(text, options).filter((d) => d.confidence >= minConfidence);
    const limit = Math.max(1, forcedLimit ?? options.limit ?? 5);

    const view = normalize(text, segments);
    const lineOf = lineIndex(text);
    const viewLine = (offset: number) => lineOf(view.map[offset] ?? 0);
    const matches: RuleMatch[] = [];
    for (const c of candidates) {
      const m = evaluate(c, view, viewLine);
      if (m) matches.push(m);
    }
    if (matches.length === 0) return fuzzy(text, options).filter((d) => d.confidence >= minConfidence);

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
    diagnoseAll,
    diagnose: (text, options) => diagnoseAll(text, options, 1)[0] ?? null,
    search: (query, options) => searcherOf().search(query, options),
    get catalog() {
      return catalogOf().compiled.signatures.map((c) => c.signature);
    },
    getSignature: (id) => catalogOf().compiled.byId.get(id)?.signature,
  };
}
