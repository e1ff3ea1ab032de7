import type { Diagnosis } from "@errsig/core";
import { annotationOf, Deduper, formatAnnotationLine, type ErrsigAnnotation } from "./_annotation.js";
import { Grouper } from "./_group.js";
import type { ResolvedOptions } from "./_options.js";
import { messageOf, parseJsonObject, type LogRecord } from "./_record.js";
import { spliceBytes, spliceString } from "./_splice.js";
import { LineSplitter } from "./_split.js";

/** A `stats()` snapshot. */
export interface StreamStats {
  /** Input lines (byte mode) or records (object mode) seen. */
  lines: number;
  /** Input bytes seen (byte mode). */
  bytes: number;
  /** Events diagnosed: one-line or grouped multi-line. */
  events: number;
  /** Events that got a diagnosis (folded repeats included). */
  diagnosed: number;
  /** Diagnosed events folded by `dedupe`. */
  suppressed: number;
  /** Diagnosed events per signature id. */
  byId: Record<string, number>;
}

/** One diagnosed event, as the scanner sees it. */
export interface DiagnosedEvent {
  records: readonly LogRecord[];
  text: string;
  diagnosis: Diagnosis;
  /** null when folded by dedupe. */
  annotation: ErrsigAnnotation | null;
}

/** Where the engine sends its output, in input order. */
export interface EngineOutput {
  (piece: unknown): void;
}

const encoder = new TextEncoder();
const NON_SPACE = /\S/;

function stripEol(raw: Uint8Array): number {
  let end = raw.length;
  if (end > 0 && raw[end - 1] === 0x0a) end--;
  if (end > 0 && raw[end - 1] === 0x0d) end--;
  return end;
}

/**
 * The platform-neutral heart of every stream kind: records in, the same records out in the same
 * order, with an annotation on diagnosed events. Lines are grouped into events (see Grouper); an
 * event is diagnosed once when it closes: when a line arrives that does not continue it, when its
 * window is full, after `flushMs` of silence, or at the end.
 */
export class Engine {
  private readonly decoder = new TextDecoder();
  private readonly grouper: Grouper;
  private readonly splitter: LineSplitter;
  private readonly deduper: Deduper | null;
  private readonly counts: StreamStats = { lines: 0, bytes: 0, events: 0, diagnosed: 0, suppressed: 0, byId: {} };
  /** The overlong line being streamed: whether its parts are emitted, and its annotation. */
  private long: { emit: boolean; annotation: ErrsigAnnotation | null; last: number; crlf: boolean } | null = null;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerSeq = -1;
  private closed = false;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly out: EngineOutput,
    private readonly onEvent?: (event: DiagnosedEvent) => void,
  ) {
    this.grouper = new Grouper(options.maxEventLines, options.maxEventBytes);
    this.deduper = options.dedupe ? new Deduper(options.dedupe) : null;
    this.splitter = new LineSplitter(
      {
        line: (raw) => this.line(raw),
        longHead: (raw) => this.longHead(raw),
        longPart: (raw) => this.longPart(raw),
        longEnd: () => this.longEnd(),
      },
      options.maxLineBytes,
    );
  }

  stats(): StreamStats {
    return { ...this.counts, byId: { ...this.counts.byId } };
  }

  /** Byte mode: a chunk of the input, cut anywhere. */
  writeBytes(chunk: Uint8Array | string): void {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    this.counts.bytes += bytes.length;
    this.splitter.push(bytes);
    this.arm();
  }

  /** Object mode: one record (an object, or one line as a string or bytes). */
  writeItem(item: unknown): void {
    const line = ++this.counts.lines;
    let text = "";
    let json: object | null = null;
    if (typeof item === "string" || item instanceof Uint8Array) {
      const s = typeof item === "string" ? item : this.decoder.decode(item);
      text = s.endsWith("\n") ? s.replace(/\r?\n$/, "") : s;
      json = parseJsonObject(text);
    } else if (item !== null && typeof item === "object") json = item;
    else text = String(item);
    if (json) {
      const record = json;
      text = messageOf(record, this.options.messageFields, () => JSON.stringify(record));
    }
    const truncated = text.length > this.options.maxLineBytes;
    if (truncated) text = text.slice(0, this.options.maxLineBytes);
    this.add({ line, text, item, jsonObject: json !== null, truncated }, text.length);
    this.arm();
  }

  /** The input ended: close everything and emit what is held. */
  end(): void {
    this.splitter.end();
    this.flushGroup();
    this.close();
  }

  /** Stops the timer; nothing more is emitted. */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  // --- byte mode ---------------------------------------------------------------------------------

  private line(raw: Uint8Array): void {
    const line = ++this.counts.lines;
    const cap = this.options.maxLineBytes;
    const end = stripEol(raw);
    const truncated = end > cap;
    let text = this.decoder.decode(raw.subarray(0, Math.min(end, cap)));
    let jsonObject = false;
    if (!truncated && text.charCodeAt(0) === 0x7b) {
      const json = parseJsonObject(text);
      if (json) {
        jsonObject = true;
        text = messageOf(json, this.options.messageFields, () => text);
      }
    }
    this.add({ line, text, raw, jsonObject, truncated }, raw.length);
  }

  private longHead(raw: Uint8Array): void {
    this.flushGroup();
    const line = ++this.counts.lines;
    const text = this.decoder.decode(raw.subarray(0, this.options.maxLineBytes));
    const record: LogRecord = { line, text, raw, jsonObject: false, truncated: true };
    const annotation = this.diagnose([record], text);
    const emit = annotation !== null || !this.options.onlyDiagnosed;
    this.long = { emit, annotation, last: raw[raw.length - 1] ?? 0, crlf: false };
    if (emit) this.out(raw);
  }

  private longPart(raw: Uint8Array): void {
    const long = this.long!;
    if (raw.length > 0) {
      long.crlf = raw[raw.length - 1] === 0x0a && (raw.length > 1 ? raw[raw.length - 2] : long.last) === 0x0d;
      long.last = raw[raw.length - 1] as number;
    }
    if (long.emit) this.out(raw);
  }

  private longEnd(): void {
    const long = this.long!;
    this.long = null;
    if (long.annotation) this.out(this.annotationLine(long.annotation, long.last === 0x0a, long.crlf));
  }

  // --- events ------------------------------------------------------------------------------------

  private add(record: LogRecord, size: number): void {
    this.seq++;
    if (!this.grouper.continues(record, size)) this.flushGroup();
    this.grouper.add(record, size);
  }

  /** Closes the open event: diagnose it once, then emit its records in order. */
  private flushGroup(): void {
    if (this.grouper.empty) return;
    const records = this.grouper.take();
    const text = records.length === 1 ? records[0]!.text : records.map((r) => r.text).join("\n");
    const annotation = this.diagnose(records, text);
    if (annotation === null && this.options.onlyDiagnosed) return;
    const head = records[0]!;
    const mergeable = annotation !== null && (head.jsonObject || (head.item !== null && typeof head.item === "object" && !(head.item instanceof Uint8Array)));
    records.forEach((r, i) => this.out(i === 0 && mergeable ? this.merged(r, annotation) : (r.raw ?? r.item)));
    if (annotation && !mergeable) {
      const last = records[records.length - 1]!;
      if (this.options.objectMode) this.out({ errsig: annotation });
      else {
        const raw = last.raw!;
        const eol = raw[raw.length - 1] === 0x0a;
        this.out(this.annotationLine(annotation, eol, eol && raw[raw.length - 2] === 0x0d));
      }
    }
  }

  private merged(r: LogRecord, annotation: ErrsigAnnotation): unknown {
    if (r.raw) return spliceBytes(r.raw, annotation);
    if (typeof r.item === "string") return spliceString(r.item, annotation);
    if (r.item instanceof Uint8Array) return spliceBytes(r.item, annotation);
    return { ...(r.item as object), errsig: annotation };
  }

  private annotationLine(a: ErrsigAnnotation, afterEol: boolean, crlf: boolean): Uint8Array {
    const text = (this.options.formatAnnotation ?? formatAnnotationLine)(a);
    const eol = crlf ? "\r\n" : "\n";
    return encoder.encode(`${afterEol ? "" : eol}${text.replace(/\r?\n/g, " ")}${eol}`);
  }

  /** Diagnoses one event; returns its annotation, or null when nothing matched or it was folded. */
  private diagnose(records: LogRecord[], text: string): ErrsigAnnotation | null {
    this.counts.events++;
    if (!NON_SPACE.test(text)) return null;
    const o = this.options;
    const diagnosis = o.diagnoser.diagnose(text, { tool: o.tool, minConfidence: o.minConfidence, fuzzy: false });
    if (!diagnosis) return null;
    this.counts.diagnosed++;
    this.counts.byId[diagnosis.id] = (this.counts.byId[diagnosis.id] ?? 0) + 1;
    const first = records[0]!.line;
    const repeats = this.deduper ? this.deduper.admit(diagnosis.id, first, Date.now) : 0;
    let annotation: ErrsigAnnotation | null = null;
    if (repeats < 0) this.counts.suppressed++;
    else {
      annotation = annotationOf(diagnosis, first, records[records.length - 1]!.line, repeats);
      o.onDiagnosis?.(annotation, diagnosis);
    }
    this.onEvent?.({ records, text, diagnosis, annotation });
    return annotation;
  }

  // --- idle flush --------------------------------------------------------------------------------

  /**
   * One timer per quiet period rather than one per line: it re-arms while lines keep coming and
   * closes the open event once a whole period passed without input (so it waits at most 2 × flushMs).
   */
  private arm(): void {
    if (this.timer || this.closed || this.options.flushMs === 0 || this.grouper.empty) return;
    this.timerSeq = this.seq;
    this.timer = setTimeout(this.onTimer, this.options.flushMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private readonly onTimer = (): void => {
    this.timer = null;
    if (this.closed || this.grouper.empty) return;
    if (this.seq === this.timerSeq) this.flushGroup();
    else this.arm();
  };
}
