import type { Diagnosis } from "@errsig/core";
import { Engine, type DiagnosedEvent } from "./_engine.js";
import { resolveOptions, StreamOptionsError, type DiagnoseStreamOptions } from "./_options.js";

/** One distinct diagnosis in a scanned log. */
export interface ScanFinding {
  id: string;
  title: string;
  tool: string;
  toolName: string;
  /** Highest confidence among its occurrences. */
  confidence: number;
  /** Occurrences (events diagnosed with this id). */
  count: number;
  /** Line of the first piece of evidence in the first and in the last occurrence. */
  firstLine: number;
  lastLine: number;
  /** The matched text of the first occurrence (secrets redacted), with its line. */
  evidence: { line: number; text: string };
  /** The full diagnosis of the first occurrence. */
  diagnosis: Diagnosis;
}

export interface ScanReport {
  lines: number;
  bytes: number;
  events: number;
  diagnosed: number;
  /** Most frequent first, then by first line. */
  findings: ScanFinding[];
}

export type ScanOptions = Pick<
  DiagnoseStreamOptions,
  "tool" | "minConfidence" | "diagnoser" | "messageFields" | "maxLineBytes" | "maxEventLines" | "maxEventBytes"
> & {
  /** Called after each chunk with the bytes read so far (for a progress bar). */
  onProgress?: (bytes: number) => void;
};

const SCAN_OPTIONS = new Set(["tool", "minConfidence", "diagnoser", "messageFields", "maxLineBytes", "maxEventLines", "maxEventBytes"]);

/** Input line of a line of the event's text: records can hold several text lines (a JSON `err.stack`). */
function inputLine(event: DiagnosedEvent, textLine: number): number {
  let seen = 0;
  for (const r of event.records) {
    let lines = 1;
    for (let i = r.text.indexOf("\n"); i !== -1; i = r.text.indexOf("\n", i + 1)) lines++;
    seen += lines;
    if (textLine <= seen) return r.line;
  }
  return event.records[event.records.length - 1]!.line;
}

/**
 * Reads a whole log once, one line at a time, and returns each distinct diagnosis once with its
 * count, first and last line and one evidence excerpt. Memory stays constant: lines are not kept,
 * and there is one entry per distinct signature. Multi-line errors are diagnosed as one event.
 */
export async function scan(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: ScanOptions = {}): Promise<ScanReport> {
  const { onProgress, ...rest } = options;
  if (onProgress !== undefined && typeof onProgress !== "function") throw new StreamOptionsError(`option "onProgress" must be a function`);
  // No idle flush: the whole input is read, so an open event is closed by the next line or the end.
  const resolved = resolveOptions(rest, SCAN_OPTIONS);
  resolved.flushMs = 0;
  resolved.onlyDiagnosed = true;
  const findings = new Map<string, ScanFinding>();
  const engine = new Engine(
    resolved,
    () => {},
    (event) => {
      const d = event.diagnosis;
      const first = d.evidence[0];
      const line = first ? inputLine(event, first.line) : event.records[0]!.line;
      const known = findings.get(d.id);
      if (known) {
        known.count++;
        known.lastLine = line;
        known.confidence = Math.max(known.confidence, d.confidence);
        return;
      }
      const text = d.evidence.map((e) => e.text).join(" … ");
      findings.set(d.id, {
        id: d.id,
        title: d.title,
        tool: d.tool,
        toolName: d.toolName,
        confidence: d.confidence,
        count: 1,
        firstLine: line,
        lastLine: line,
        evidence: { line, text },
        diagnosis: d,
      });
    },
  );
  let bytes = 0;
  for await (const chunk of input) {
    engine.writeBytes(chunk);
    bytes += typeof chunk === "string" ? chunk.length : chunk.length;
    onProgress?.(bytes);
  }
  engine.end();
  const stats = engine.stats();
  return {
    lines: stats.lines,
    bytes: stats.bytes,
    events: stats.events,
    diagnosed: stats.diagnosed,
    findings: [...findings.values()].sort((a, b) => b.count - a.count || a.firstLine - b.firstLine),
  };
}
