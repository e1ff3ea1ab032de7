/** Receives the lines of a byte stream, terminators included, bytes untouched. */
export interface LineSink {
  /** A whole line (ending in "\n" unless `eol` is false, which only happens for the last line). */
  line(raw: Uint8Array, eol: boolean): void;
  /** The first bytes (at least `cap`) of a line too long to hold; its remaining bytes follow as parts. */
  longHead(raw: Uint8Array): void;
  longPart(raw: Uint8Array): void;
  longEnd(): void;
}

const NL = 0x0a;

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Splits bytes on "\n" without decoding, so invalid UTF-8, CRLF and NUL bytes pass through exactly.
 * A line that spans chunks is carried until its end, but never beyond `cap` bytes: past that it is
 * streamed through in parts, so one endless line cannot grow memory.
 */
export class LineSplitter {
  private carry: Uint8Array[] = [];
  private carried = 0;
  private long = false;

  constructor(
    private readonly sink: LineSink,
    private readonly cap: number,
  ) {}

  push(chunk: Uint8Array): void {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(NL, start);
      const end = nl === -1 ? chunk.length : nl + 1;
      const piece = chunk.subarray(start, end);
      start = end;
      if (this.long) {
        this.sink.longPart(piece);
        if (nl !== -1) {
          this.long = false;
          this.sink.longEnd();
        }
      } else if (nl !== -1) {
        if (this.carried === 0) this.sink.line(piece, true);
        else {
          const whole = concat([...this.carry, piece], this.carried + piece.length);
          this.carry = [];
          this.carried = 0;
          this.sink.line(whole, true);
        }
      } else {
        this.carry.push(piece);
        this.carried += piece.length;
        if (this.carried > this.cap) {
          const head = concat(this.carry, this.carried);
          this.carry = [];
          this.carried = 0;
          this.long = true;
          this.sink.longHead(head);
        }
      }
    }
  }

  /** The input ended: a last line without "\n" is still a line. */
  end(): void {
    if (this.long) {
      this.long = false;
      this.sink.longEnd();
    } else if (this.carried > 0) {
      const rest = concat(this.carry, this.carried);
      this.carry = [];
      this.carried = 0;
      this.sink.line(rest, false);
    }
  }
}
