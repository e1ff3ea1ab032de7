/**
 * @errsig/core — turn raw error text into a structured diagnosis.
 *
 * Pipeline (diagnoser.ts): prefilter (required words, one automaton pass) → normalise (ANSI, JSON
 * escapes, whitespace) → match (regex rules of the candidates only) → rank → redact.
 */
import { catalog, signatureJsonSchema } from "./catalog.js";
import { createDiagnoserFrom, type Diagnoser, type DiagnoserConfig } from "./diagnoser.js";
import type { DiagnoseOptions, Diagnosis } from "./diagnosis.js";
import type { Signature } from "./schema.js";
import type { SearchHit, SearchOptions } from "./search.js";

export { catalog, signatureJsonSchema };
export { SignatureSchema, CATEGORIES, PLATFORMS, FIELD_NAMES, FIELD_PATTERNS } from "./schema.js";
export type { Signature, SignatureInput, Matcher, Category, Fix, Source, FieldName } from "./schema.js";
export { parseSignatures, SignatureError } from "./parse.js";
export { redact } from "./redact.js";
export { regexWords, matcherWords } from "./literals.js";
export { TOOLS, toolName } from "./tools.js";
export { DEFAULT_MAX_INPUT } from "./diagnoser.js";
export type { Diagnoser, DiagnoserConfig } from "./diagnoser.js";
export type { Diagnosis, DiagnoseOptions, Evidence } from "./diagnosis.js";
export type { SearchHit, SearchOptions } from "./search.js";

/** A diagnoser over the built-in catalog plus optional custom signatures (custom ids override built-in ones). */
export function createDiagnoser(config: DiagnoserConfig = {}): Diagnoser {
  return createDiagnoserFrom(catalog, config);
}

let shared: Diagnoser | null = null;
const builtin = () => (shared ??= createDiagnoser());

/** The best diagnosis above `minConfidence`, or null when nothing in the catalog explains the text. */
export function diagnose(text: string, options?: DiagnoseOptions): Diagnosis | null {
  return builtin().diagnose(text, options);
}

/** Ranked diagnoses, best first. */
export function diagnoseAll(text: string, options?: DiagnoseOptions): Diagnosis[] {
  return builtin().diagnoseAll(text, options);
}

/** Fuzzy search over titles, canonical messages, causes and keywords. */
export function search(query: string, options?: SearchOptions): SearchHit[] {
  return builtin().search(query, options);
}

/** The built-in signature with this id. */
export function getSignature(id: string): Signature | undefined {
  return catalog.find((s) => s.id === id);
}
