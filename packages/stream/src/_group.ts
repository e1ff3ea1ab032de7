import type { LogRecord } from "./_record.js";

/**
 * Lines that only make sense as the continuation of the line before: stack frames (Node, Java,
 * Python), chained causes, and the closing bracket of a pretty-printed body.
 */
const CONTINUATION = /^(?:\s|at\s|Caused by:|During handling of the above exception|The above exception was the direct cause|\.\.\. \d+ more|[}\])])/;
/**
 * A hard-wrapped terminal line: the sentence goes on in lower case ("…generate a new access\ntoken.
 * Please try…"). `info: …`, `panic: …` and other `word:` prefixes begin a new record instead.
 */
const WRAPPED = /^[a-z](?![\w.-]*:(?:\s|$))/;
/** After a blank line these always reattach: a chained Python or Java cause continues the same error. */
const AFTER_BLANK = /^(?:During handling of the above exception|The above exception was the direct cause|Caused by:|\s+at\s)/;
/**
 * The start of a log record: a timestamp, a syslog or Apache date, a level, a JSON object, `word: `.
 * After a blank line, a line that does not look like this is the next paragraph of the same message
 * (TUI error screens: "Unable to connect…\n\n Failed to connect to api.anthropic.com…").
 */
const RECORD_HEAD =
  /^(?:\d{1,4}[-/.:]\d|\[?\d{2,4}[-/]|[A-Z][a-z]{2} +\d{1,2} |\[[A-Z][a-z]{2} |[{[]|(?:DEBUG|INFO|WARN|WARNING|ERROR|TRACE|FATAL|CRITICAL)\b|[A-Za-z][\w.-]*: )/;
/** More blank lines than this in a row end the event whatever follows. */
const MAX_BLANKS = 2;
const TRACEBACK = "Traceback (most recent call last)";
/** The line ends with "{" or "[" (trailing spaces aside): a body follows. A loop, not /[{[]\s*$/, which rescans long lines. */
function opens(text: string): boolean {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return false;
}
const NON_SPACE = /\S/;
/** The line that ends a Python traceback: `httpx.HTTPStatusError: …`, `KeyboardInterrupt`. */
const EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?::|$)/;

/** Net bracket depth of a line, ignoring brackets inside double-quoted strings. */
function depthChange(text: string): number {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) quoted = false;
    } else if (c === 0x22) quoted = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return depth;
}

/**
 * Collects consecutive records into one event when they belong to one error (a stack trace, a
 * traceback, a wrapped message, a pretty-printed JSON body), within a bounded window in lines and
 * bytes. Everything else is a one-line event, which is the common, cheap case.
 */
export class Grouper {
  records: LogRecord[] = [];
  private bytes = 0;
  /** Open brackets of a body that began at the end of a line ("… {"): lines continue until it closes. */
  private depth = 0;
  /** A Python traceback is open: its first unindented line is the exception and still belongs. */
  private traceback = false;
  private blanks = 0;
  private lastJson = false;

  constructor(
    private readonly maxLines: number,
    private readonly maxBytes: number,
  ) {}

  get empty(): boolean {
    return this.records.length === 0;
  }

  /** Whether `record` continues the open event (false: the open event is complete). */
  continues(record: LogRecord, size: number): boolean {
    if (this.records.length === 0) return false;
    if (this.records.length >= this.maxLines || this.bytes + size > this.maxBytes) return false;
    const text = record.text;
    if (record.truncated) return false;
    if (!NON_SPACE.test(text)) return true; // decided by the line after it
    if (this.blanks > 0)
      return AFTER_BLANK.test(text) || this.depth > 0 || (this.blanks <= MAX_BLANKS && !record.jsonObject && !RECORD_HEAD.test(text));
    if (this.depth > 0) return true;
    // A JSON record is complete in itself: only an indented or stack-frame line (Docker splits a
    // stack into one record per line) continues it or is continued by it.
    if (record.jsonObject || this.lastJson) return CONTINUATION.test(text);
    if (this.traceback && EXCEPTION_LINE.test(text)) {
      this.traceback = false;
      return true;
    }
    return CONTINUATION.test(text) || WRAPPED.test(text);
  }

  add(record: LogRecord, size: number): void {
    const text = record.text;
    this.records.push(record);
    this.bytes += size;
    this.lastJson = record.jsonObject;
    if (!NON_SPACE.test(text)) {
      this.blanks++;
      return;
    }
    this.blanks = 0;
    // A JSON record carries its whole traceback in one field; only a plain-text one leaves it open.
    if (!record.jsonObject && text.startsWith(TRACEBACK)) this.traceback = true;
    if (this.depth > 0) this.depth = Math.max(0, this.depth + depthChange(text));
    else if (!record.jsonObject && opens(text)) this.depth = Math.max(0, depthChange(text));
  }

  /** Takes the open event's records, leaving the grouper empty. */
  take(): LogRecord[] {
    const out = this.records;
    this.records = [];
    this.bytes = 0;
    this.depth = 0;
    this.traceback = false;
    this.blanks = 0;
    this.lastJson = false;
    return out;
  }
}
