import type { CompiledCatalog, CompiledSignature, Gate } from "./compile.js";

/** Shared empty result: the common case allocates nothing. Never mutated. */
const NONE: CompiledSignature[] = [];

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

  constructor(private readonly catalog: CompiledCatalog) {
    this.seen = new Uint32Array(catalog.automaton.words.length);
    this.found = new Int32Array(catalog.automaton.words.length);
    this.checked = new Uint32Array(catalog.signatures.length);
  }

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
    const { automaton } = this.catalog;
    let count = automaton.scan(text, from, to, from, this.seen, this.epoch, this.found, 0);
    if (to2 > from2) count = automaton.scan(text, from2, to2, from2, this.seen, this.epoch, this.found, count);
    this.foundCount = count;
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
