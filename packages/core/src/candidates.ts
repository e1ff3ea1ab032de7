import type { CompiledCatalog, CompiledSignature, Gate } from "./compile.js";
import { isWordCode } from "./prefilter.js";

const BACKSLASH = 0x5c;
/** Shared empty result: the common case allocates nothing. Never mutated. */
const NONE: CompiledSignature[] = [];
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

/**
 * The prefilter step: which signatures could match `text` at all.
 * One automaton pass marks the words present (epoch-stamped, so nothing is cleared or allocated per
 * call); only signatures anchored on a seen word are checked against their full gates.
 */
export class CandidateFinder {
  private readonly seen: Uint32Array;
  private readonly checked: Uint32Array;
  /** Word ids seen in this call, in order; a typed array and a count (resetting an array's length is a runtime call). */
  private readonly found: Int32Array;
  private foundCount = 0;
  private epoch = 0;
  /** Whether the last `find` saw a word naming a tool. */
  toolMentioned = false;
  private text = "";
  private segmentStart = 0;

  constructor(private readonly catalog: CompiledCatalog) {
    this.seen = new Uint32Array(catalog.automaton.words.length);
    this.found = new Int32Array(catalog.automaton.words.length);
    this.checked = new Uint32Array(catalog.signatures.length);
  }

  /** Marks a word as seen when its boundaries hold (bound once: no closure per call). */
  private readonly mark = (id: number, end: number): void => {
    if (this.seen[id] === this.epoch) return;
    const bounds = this.catalog.bounds[id]!;
    if (bounds !== 0) {
      if (bounds & 2 && !boundaryAfter(this.text, end)) return;
      const start = end - this.catalog.automaton.words[id]!.length;
      if (bounds & 1 && start > this.segmentStart && !boundaryBefore(this.text, start)) return;
    }
    this.seen[id] = this.epoch;
    this.found[this.foundCount++] = id;
  };

  private holds(gate: Gate): boolean {
    for (const alternative of gate) {
      let all = true;
      for (let k = 0; k < alternative.length; k++)
        if (this.seen[alternative[k]!] !== this.epoch) {
          all = false;
          break;
        }
      if (all) return true;
    }
    return false;
  }

  /** Candidates for `text[from, to)`, plus `text[from2, to2)` when the input is sampled. */
  find(text: string, from: number, to: number, from2 = 0, to2 = 0): CompiledSignature[] {
    this.epoch++;
    this.foundCount = 0;
    this.toolMentioned = false;
    this.text = text;
    this.segmentStart = from;
    this.catalog.automaton.scan(text, from, to, this.mark);
    if (to2 > from2) {
      this.segmentStart = from2;
      this.catalog.automaton.scan(text, from2, to2, this.mark);
    }
    this.text = "";
    if (this.foundCount === 0) return NONE;

    let out: CompiledSignature[] = NONE;
    const { anchored, signatures, toolWord } = this.catalog;
    for (let f = 0; f < this.foundCount; f++) {
      const word = this.found[f]!;
      if (toolWord[word] === 1) this.toolMentioned = true;
      const list = anchored[word]!;
      for (let k = 0; k < list.length; k++) {
        const index = list[k]!;
        if (this.checked[index] === this.epoch) continue;
        this.checked[index] = this.epoch;
        const sig = signatures[index]!;
        if (sig.allGates.every((g) => this.holds(g)) && (sig.anyGate.length === 0 || this.holds(sig.anyGate))) {
          if (out === NONE) out = [];
          out.push(sig);
        }
      }
    }
    return out;
  }
}
