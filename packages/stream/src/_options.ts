import { createDiagnoser, type Diagnoser, type Diagnosis } from "@errsig/core";
import type { ErrsigAnnotation } from "./_annotation.js";

/** Where a JSON log record keeps its message, tried in this order (dotted paths reach nested objects). */
export const DEFAULT_MESSAGE_FIELDS: readonly string[] = ["msg", "message", "err.stack", "err.message", "stack", "log"];

/** Options shared by every stream kind and by `scan`. */
export interface DiagnoseStreamOptions {
  /** Node only: records in, records out (objects, strings or buffers, one record each) instead of bytes. */
  objectMode?: boolean;
  /** `all` (default) passes every record through; `only-diagnosed` emits only the events that were diagnosed. */
  mode?: "all" | "only-diagnosed";
  /** Fields of a JSON record whose text is diagnosed (default: msg, message, err.stack, err.message, stack, log; a record with none of them is diagnosed whole). */
  messageFields?: string[];
  /** Tool hint passed to diagnose() (ranks that tool's signatures first). */
  tool?: string;
  /** Minimum confidence for a diagnosis to count (default 0.3, as in core). */
  minConfidence?: number;
  /** A diagnoser from `createDiagnoser()` (custom catalogs); default: the built-in catalog. */
  diagnoser?: Diagnoser;
  /** Longer lines pass through whole but only their first `maxLineBytes` are diagnosed (default 64 KiB). */
  maxLineBytes?: number;
  /** Largest multi-line event, in lines (default 60). */
  maxEventLines?: number;
  /** Largest multi-line event, in bytes (default 64 KiB). */
  maxEventBytes?: number;
  /** An open multi-line event is closed after this many ms without input (default 500; 0: only at the end). */
  flushMs?: number;
  /**
   * Fold repeats of the same diagnosis: an occurrence within `lines` lines or `ms` milliseconds of the last
   * annotated one is counted, not annotated; the next annotation carries the count in `repeats`.
   * `true` means `{ ms: 60000 }`. Off by default.
   */
  dedupe?: boolean | { ms?: number; lines?: number };
  /** Formats the annotation line that follows a diagnosed plain-text event in byte mode. */
  formatAnnotation?: (annotation: ErrsigAnnotation) => string;
  /** Called once per annotated (not folded) diagnosis. */
  onDiagnosis?: (annotation: ErrsigAnnotation, diagnosis: Diagnosis) => void;
}

export interface ResolvedOptions {
  objectMode: boolean;
  onlyDiagnosed: boolean;
  messageFields: string[][];
  tool: string | undefined;
  minConfidence: number | undefined;
  diagnoser: Diagnoser;
  maxLineBytes: number;
  maxEventLines: number;
  maxEventBytes: number;
  flushMs: number;
  dedupe: { ms: number; lines: number } | null;
  formatAnnotation: ((annotation: ErrsigAnnotation) => string) | undefined;
  onDiagnosis: ((annotation: ErrsigAnnotation, diagnosis: Diagnosis) => void) | undefined;
}

const KNOWN = new Set([
  "objectMode", "mode", "messageFields", "tool", "minConfidence", "diagnoser", "maxLineBytes", "maxEventLines",
  "maxEventBytes", "flushMs", "dedupe", "formatAnnotation", "onDiagnosis",
]);

/** Thrown at construction for options that would otherwise fail later, or silently do nothing. */
export class StreamOptionsError extends TypeError {
  constructor(message: string) {
    super(`@errsig/stream: ${message}`);
    this.name = "StreamOptionsError";
  }
}

function int(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
    throw new StreamOptionsError(`option "${name}" must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return value;
}

let sharedDiagnoser: Diagnoser | null = null;

/** Checks every option once, so a typo or a bad value throws a clear error at construction. */
export function resolveOptions(options: DiagnoseStreamOptions | undefined, allowed: ReadonlySet<string> = KNOWN): ResolvedOptions {
  const o = (options ?? {}) as Record<string, unknown>;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new StreamOptionsError("options must be an object");
  for (const key of Object.keys(o))
    if (!allowed.has(key)) throw new StreamOptionsError(`unknown option "${key}" (known: ${[...allowed].join(", ")})`);
  if (o.mode !== undefined && o.mode !== "all" && o.mode !== "only-diagnosed")
    throw new StreamOptionsError(`option "mode" must be "all" or "only-diagnosed", got ${JSON.stringify(o.mode)}`);
  const fields = o.messageFields ?? DEFAULT_MESSAGE_FIELDS;
  if (!Array.isArray(fields) || fields.length === 0 || !fields.every((f) => typeof f === "string" && f.length > 0))
    throw new StreamOptionsError(`option "messageFields" must be a non-empty array of field names such as "msg" or "err.stack"`);
  if (o.tool !== undefined && (typeof o.tool !== "string" || o.tool === ""))
    throw new StreamOptionsError(`option "tool" must be a tool id such as "claude-code"`);
  if (o.minConfidence !== undefined && (typeof o.minConfidence !== "number" || !(o.minConfidence >= 0 && o.minConfidence <= 1)))
    throw new StreamOptionsError(`option "minConfidence" must be a number from 0 to 1, got ${JSON.stringify(o.minConfidence)}`);
  const d = o.diagnoser as Diagnoser | undefined;
  if (d !== undefined && (typeof d !== "object" || d === null || typeof d.diagnose !== "function"))
    throw new StreamOptionsError(`option "diagnoser" must come from createDiagnoser() of @errsig/core`);
  for (const fn of ["formatAnnotation", "onDiagnosis"] as const)
    if (o[fn] !== undefined && typeof o[fn] !== "function") throw new StreamOptionsError(`option "${fn}" must be a function`);
  if (o.objectMode !== undefined && typeof o.objectMode !== "boolean") throw new StreamOptionsError(`option "objectMode" must be a boolean`);

  let dedupe: ResolvedOptions["dedupe"] = null;
  if (o.dedupe === true) dedupe = { ms: 60_000, lines: 0 };
  else if (typeof o.dedupe === "object" && o.dedupe !== null) {
    const dd = o.dedupe as Record<string, unknown>;
    for (const key of Object.keys(dd))
      if (key !== "ms" && key !== "lines") throw new StreamOptionsError(`unknown dedupe option "${key}" (known: ms, lines)`);
    dedupe = { ms: int(dd.ms, "dedupe.ms", 0, 0, 86_400_000), lines: int(dd.lines, "dedupe.lines", 0, 0, 1e12) };
    if (dedupe.ms === 0 && dedupe.lines === 0) throw new StreamOptionsError(`option "dedupe" needs "ms" or "lines" above 0`);
  } else if (o.dedupe !== undefined && o.dedupe !== false)
    throw new StreamOptionsError(`option "dedupe" must be true, false or { ms?, lines? }, got ${JSON.stringify(o.dedupe)}`);

  const maxLineBytes = int(o.maxLineBytes, "maxLineBytes", 64 * 1024, 256, 64 * 1024 * 1024);
  return {
    objectMode: o.objectMode === true,
    onlyDiagnosed: o.mode === "only-diagnosed",
    messageFields: (fields as string[]).map((f) => f.split(".")),
    tool: o.tool as string | undefined,
    minConfidence: o.minConfidence as number | undefined,
    diagnoser: d ?? (sharedDiagnoser ??= createDiagnoser()),
    maxLineBytes,
    maxEventLines: int(o.maxEventLines, "maxEventLines", 60, 1, 10_000),
    maxEventBytes: int(o.maxEventBytes, "maxEventBytes", 64 * 1024, 256, 64 * 1024 * 1024),
    flushMs: int(o.flushMs, "flushMs", 500, 0, 3_600_000),
    dedupe,
    formatAnnotation: o.formatAnnotation as ResolvedOptions["formatAnnotation"],
    onDiagnosis: o.onDiagnosis as ResolvedOptions["onDiagnosis"],
  };
}
