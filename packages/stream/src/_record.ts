/** One input record: a line of a byte stream, or one item written in object mode. */
export interface LogRecord {
  /** 1-based position in the input (line number in byte mode). */
  line: number;
  /** The text that is diagnosed: the line without its terminator, or a JSON record's message fields. */
  text: string;
  /** Byte mode: the exact input bytes, terminator included. */
  raw?: Uint8Array;
  /** Object mode: the item as written. */
  item?: unknown;
  /** Byte mode: the line is one JSON object, so an annotation can be spliced into it. */
  jsonObject: boolean;
  /** The line was longer than the cap and only its head was read. */
  truncated: boolean;
}

function at(value: unknown, path: string[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/**
 * The diagnosable text of a JSON log record: the configured message fields, in order, skipping one
 * contained in another (pino's `err.stack` repeats `msg` and `err.message`). A record without any of
 * them is diagnosed whole: an API error body logged as-is is the error itself.
 */
export function messageOf(record: object, fields: string[][], whole: () => string): string {
  const parts: string[] = [];
  for (const path of fields) {
    const v = at(record, path);
    if (typeof v !== "string" || v === "") continue;
    const text = v.endsWith("\n") ? v.replace(/\r?\n$/, "") : v; // Docker's `log` keeps the newline
    if (parts.some((p) => p.includes(text))) continue;
    // pino's `msg` is often the first line of `err.stack`: keep the longer one only.
    const shorter = parts.findIndex((p) => text.includes(p));
    if (shorter !== -1) parts.splice(shorter, 1);
    parts.push(text);
  }
  return parts.length > 0 ? parts.join("\n") : whole();
}

/** Parses a line that looks like a JSON object; anything else is plain text (mixed input is normal). */
export function parseJsonObject(text: string): object | null {
  const first = text.charCodeAt(0);
  if (first !== 0x7b /* { */) {
    const trimmed = text.trimStart();
    if (!trimmed.startsWith("{")) return null;
  }
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}
