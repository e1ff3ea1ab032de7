import type { Category, Diagnosis } from "@errsig/core";

/** What a diagnosed record carries in its `errsig` field: the short form of a Diagnosis. */
export interface ErrsigAnnotation {
  id: string;
  title: string;
  tool: string;
  category: Category;
  confidence: number;
  /** Extracted values (status, model, requestId, …), secrets redacted. */
  fields: Record<string, string>;
  /** The first (most effective) fix. */
  fix?: { title: string; command?: string };
  /** First and last input line (or record number) of the event. */
  line: number;
  endLine: number;
  /** With `dedupe`: how many occurrences of this diagnosis were folded since the last annotation of it. */
  repeats?: number;
}

export function annotationOf(d: Diagnosis, line: number, endLine: number, repeats: number): ErrsigAnnotation {
  const fix = d.fixes[0];
  return {
    id: d.id,
    title: d.title,
    tool: d.tool,
    category: d.category,
    confidence: d.confidence,
    fields: d.fields,
    ...(fix ? { fix: fix.command ? { title: fix.title, command: fix.command } : { title: fix.title } } : {}),
    line,
    endLine,
    ...(repeats > 0 ? { repeats } : {}),
  };
}

const oneLine = (s: string) => s.replace(/\s*\r?\n\s*/g, " ⏎ ");

/** The line that follows a diagnosed plain-text event in byte mode: one line, greppable by its prefix. */
export function formatAnnotationLine(a: ErrsigAnnotation): string {
  const fix = a.fix ? ` — fix: ${a.fix.title}${a.fix.command ? ` \`${a.fix.command}\`` : ""}` : "";
  const repeats = a.repeats ? ` (+${a.repeats} repeats)` : "";
  return oneLine(`[errsig] ${a.id} (${Math.round(a.confidence * 100)}%) ${a.title}${fix}${repeats}`);
}

/**
 * Folds a storm of the same diagnosis into one annotation: an occurrence within the window (in
 * lines and/or ms) after the last annotated one is counted instead of annotated. The window
 * restarts at each annotation, so a storm that lasts is still reported once per window, with a count.
 */
export class Deduper {
  private readonly last = new Map<string, { line: number; at: number; folded: number }>();

  constructor(private readonly window: { ms: number; lines: number }) {}

  /** -1 when this occurrence is folded; otherwise the number of folded occurrences to report. */
  admit(id: string, line: number, now: () => number): number {
    const prev = this.last.get(id);
    const t = this.window.ms > 0 ? now() : 0;
    if (prev) {
      const inLines = this.window.lines > 0 && line - prev.line < this.window.lines;
      const inTime = this.window.ms > 0 && t - prev.at < this.window.ms;
      if (inLines || inTime) {
        prev.folded++;
        return -1;
      }
    }
    this.last.set(id, { line, at: t, folded: 0 });
    return prev?.folded ?? 0;
  }
}
