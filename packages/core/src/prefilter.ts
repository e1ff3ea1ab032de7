/**
 * Aho-Corasick automaton over the required words of every signature.
 *
 * One pass over the raw input finds every required word it contains, case-insensitively, with a
 * table lookup per character and no allocation. Words are [a-z0-9_], so the alphabet is folded to
 * 38 classes (letters, digits, `_`, and "anything else", which always returns to the root): the full
 * transition table stays small even for large catalogs. Scanning the raw text rather than the
 * normalised view is safe because ANSI codes, JSON escapes and whitespace never sit inside a word.
 */

const CLASSES = 38;
/** Character class of each ASCII code: 0 = not a word character. */
const CLASS_OF = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 0x61 && c <= 0x7a) CLASS_OF[c] = c - 0x61 + 1;
  else if (c >= 0x41 && c <= 0x5a) CLASS_OF[c] = c - 0x41 + 1;
  else if (c >= 0x30 && c <= 0x39) CLASS_OF[c] = c - 0x30 + 27;
  else if (c === 0x5f) CLASS_OF[c] = 37;
}

/** Whether the character code is one of [A-Za-z0-9_]. */
export function isWordCode(code: number): boolean {
  return code < 128 && CLASS_OF[code] !== 0;
}

const BACKSLASH = 0x5c;
const ESC = 0x1b;

/**
 * Whether a word starting at `start` is preceded by a boundary as the normalised view would see it:
 * a non-word character, the start of the text, an escaped `\n`/`\t`/`\r` (JSON), or the final
 * letter of an ANSI colour code.
 */
function boundaryBefore(text: string, start: number): boolean {
  if (start === 0) return true;
  const c = text.charCodeAt(start - 1);
  if (!isWordCode(c)) return true;
  if ((c === 0x6e || c === 0x72 || c === 0x74) && text.charCodeAt(start - 2) === BACKSLASH) return true;
  if (start >= 6 && text.charCodeAt(start - 6) === BACKSLASH && text.charCodeAt(start - 5) === 0x75) return true; // \u0020
  // ESC [ 0-9; … final letter
  for (let i = start - 2, limit = Math.max(0, start - 24); i >= limit; i--) {
    const d = text.charCodeAt(i);
    if (d === 0x5b) return text.charCodeAt(i - 1) === ESC;
    if (!((d >= 0x30 && d <= 0x39) || d === 0x3b)) return false;
  }
  return false;
}

function boundaryAfter(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const c = text.charCodeAt(end);
  // A backslash starts an escape (\n, \", \u…) in JSON-escaped text: a boundary in the view too.
  return !isWordCode(c) || c === BACKSLASH || c === ESC;
}

export class WordAutomaton {
  /** delta[state * CLASSES + class] = next state (16-bit when the automaton is small enough: denser in cache). */
  private readonly delta: Int32Array | Uint16Array;
  /** 1 where a word ends at the state: one byte read per character decides whether to report. */
  private readonly hasOut: Uint8Array;
  /** Words ending at each state (own word and those reached through failure links). */
  private readonly outStart: Int32Array;
  private readonly outWords: Int32Array;
  /** Per word: bit 1 = needs a word boundary before it, bit 2 = after it. */
  private readonly bounds: Uint8Array;
  private readonly lengths: Int32Array;
  readonly words: readonly string[];

  /** @param bounds per word: bit 1 = boundary needed before it, bit 2 = after it (default none). */
  constructor(words: readonly string[], bounds: Uint8Array = new Uint8Array(words.length)) {
    this.words = words;
    this.bounds = bounds;
    this.lengths = Int32Array.from(words, (w) => w.length);
    // 1. Trie.
    const next: number[][] = [[]];
    const own: number[][] = [[]];
    words.forEach((word, id) => {
      let s = 0;
      for (let i = 0; i < word.length; i++) {
        const cls = CLASS_OF[word.charCodeAt(i)] ?? 0;
        if (cls === 0) throw new Error(`prefilter word "${word}" has a character outside [a-z0-9_]`);
        let t = next[s]![cls];
        if (t === undefined) {
          t = next.length;
          next.push([]);
          own.push([]);
          next[s]![cls] = t;
        }
        s = t;
      }
      own[s]!.push(id);
    });
    // 2. Failure links by breadth-first order, filling the full transition table as we go.
    const states = next.length;
    const delta = new Int32Array(states * CLASSES);
    const fail = new Int32Array(states);
    const out: number[][] = own.map((o) => o.slice());
    const queue: number[] = [];
    for (let cls = 1; cls < CLASSES; cls++) {
      const t = next[0]![cls];
      if (t !== undefined) {
        delta[cls] = t;
        queue.push(t);
      }
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      for (let cls = 1; cls < CLASSES; cls++) {
        const t = next[s]![cls];
        const viaFail = delta[fail[s]! * CLASSES + cls]!;
        if (t === undefined) delta[s * CLASSES + cls] = viaFail;
        else {
          delta[s * CLASSES + cls] = t;
          fail[t] = viaFail;
          out[t]!.push(...out[viaFail]!);
          queue.push(t);
        }
      }
    }
    this.delta = states <= 0xffff ? Uint16Array.from(delta) : delta;
    this.outStart = new Int32Array(states + 1);
    let total = 0;
    for (let s = 0; s < states; s++) {
      this.outStart[s] = total;
      total += out[s]!.length;
    }
    this.outStart[states] = total;
    this.outWords = new Int32Array(total);
    this.hasOut = Uint8Array.from(out.map((list) => (list.length > 0 ? 1 : 0)));
    let k = 0;
    for (const list of out) for (const id of list) this.outWords[k++] = id;
  }

  /**
   * Records in `found` (from index `count`) every word of `text[from, to)` not yet stamped with
   * `epoch` in `seen`, whose boundaries hold, and stamps it. Returns the new count. No callbacks and
   * no allocation: this loop is what every log line pays.
   * @param segmentStart a word starting here counts as bounded before (the text was cut there).
   */
  scan(text: string, from: number, to: number, segmentStart: number, seen: Uint32Array, epoch: number, found: Int32Array, count: number): number {
    const { delta, hasOut, outStart, outWords, bounds, lengths } = this;
    let state = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const cls = code < 128 ? CLASS_OF[code]! : 0;
      if (cls === 0) {
        state = 0;
        continue;
      }
      state = delta[state * CLASSES + cls]!;
      if (hasOut[state] !== 1) continue;
      const b = outStart[state + 1]!;
      for (let k = outStart[state]!; k < b; k++) {
        const id = outWords[k]!;
        if (seen[id] === epoch) continue;
        const need = bounds[id]!;
        if (need !== 0) {
          if (need & 2 && !boundaryAfter(text, i + 1)) continue;
          const start = i + 1 - lengths[id]!;
          if (need & 1 && start > segmentStart && !boundaryBefore(text, start)) continue;
        }
        seen[id] = epoch;
        found[count++] = id;
      }
    }
    return count;
  }
}
