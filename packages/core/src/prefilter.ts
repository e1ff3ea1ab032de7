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

export class WordAutomaton {
  /** delta[state * CLASSES + class] = next state (16-bit when the automaton is small enough: denser in cache). */
  private readonly delta: Int32Array | Uint16Array;
  /** 1 where a word ends at the state: one byte read per character decides whether to report. */
  private readonly hasOut: Uint8Array;
  /** Words ending at each state (own word and those reached through failure links). */
  private readonly outStart: Int32Array;
  private readonly outWords: Int32Array;
  readonly words: readonly string[];

  constructor(words: readonly string[]) {
    this.words = words;
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
   * Calls `found(wordId, end)` for every occurrence of a word in `text[from, to)`, `end` being the
   * offset just past it.
   * Duplicates are the caller's to skip (an epoch array is cheaper than a Set here).
   */
  scan(text: string, from: number, to: number, found: (wordId: number, end: number) => void): void {
    const { delta, hasOut, outStart, outWords } = this;
    let state = 0;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      const cls = code < 128 ? CLASS_OF[code]! : 0;
      if (cls === 0) {
        state = 0;
        continue;
      }
      state = delta[state * CLASSES + cls]!;
      if (hasOut[state] === 1) {
        const b = outStart[state + 1]!;
        for (let k = outStart[state]!; k < b; k++) found(outWords[k]!, i + 1);
      }
    }
  }
}
