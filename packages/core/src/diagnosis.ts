import type { Category, Fix, Signature, Source } from "./schema.js";

/** One piece of matched text; offsets point into the caller's original input. */
export interface Evidence {
  /** Name of the matcher (or `fuzzy`). */
  matcher: string;
  start: number;
  end: number;
  /** 1-based line of `start` in the input. */
  line: number;
  /** The matched text, secrets redacted, at most 500 characters. */
  text: string;
}

/** The structured answer for one signature. */
export interface Diagnosis {
  id: string;
  title: string;
  tool: string;
  /** Display name of the tool ("Claude Code"). */
  toolName: string;
  category: Category;
  /** 0..1; see confidence.ts for how it is computed. */
  confidence: number;
  /** `rules` when the signature's matchers held; `fuzzy` when only the fuzzy fallback suggested it. */
  matchedBy: "rules" | "fuzzy";
  /** Total weight of matched evidence (0 for fuzzy). */
  score: number;
  message: string;
  summary: string;
  why: string;
  causes: string[];
  fixes: Fix[];
  prevention: string[];
  sources: Source[];
  related: string[];
  /** Cause is on the provider's side; waiting is the fix. */
  provider: boolean;
  /** First version with the fix, when known: "upgrade to ≥ fixedIn". */
  fixedIn?: string;
  affects?: string;
  evidence: Evidence[];
  /** Extracted values (status, endpoint, model, requestId, …), secrets redacted. */
  fields: Record<string, string>;
}

export interface DiagnoseOptions {
  /** Tool that produced the text, when the caller knows: its signatures rank first unless another is clearly better. */
  tool?: string;
  /** Drop diagnoses below this confidence (default 0.3). */
  minConfidence?: number;
  /** How many diagnoses `diagnoseAll` returns at most (default 5). */
  limit?: number;
  /** Set false to disable the fuzzy fallback for paraphrased text (default true). */
  fuzzy?: boolean;
}

/** The static part of a diagnosis, straight from the signature. */
export function describe(s: Signature): Omit<Diagnosis, "confidence" | "matchedBy" | "score" | "evidence" | "fields" | "toolName"> {
  return {
    id: s.id,
    title: s.title,
    tool: s.tool,
    category: s.category,
    message: s.message,
    summary: s.summary,
    why: s.why,
    causes: s.causes,
    fixes: s.fixes,
    prevention: s.prevention,
    sources: s.sources,
    related: s.related,
    provider: s.provider,
    ...(s.versions?.fixedIn ? { fixedIn: s.versions.fixedIn } : {}),
    ...(s.versions?.affects ? { affects: s.versions.affects } : {}),
  };
}
