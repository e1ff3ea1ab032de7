import type { CompiledCatalog, CompiledSignature } from "./compile.js";

/**
 * The prefilter step: which signatures could match `text` at all.
 * One automaton pass marks the words present (epoch-stamped, so nothing is cleared or allocated per
 * call); only signatures anchored on a seen word are checked for their full word set.
 */
export class CandidateFinder {
  private readonly seen: Uint32Array;
  private readonly checked: Uint32Array;
  private readonly found: number[] = [];
  private epoch = 0;

  constructor(private readonly catalog: CompiledCatalog) {
    this.seen = new Uint32Array(catalog.automaton.words.length);
    this.checked = new Uint32Array(catalog.signatures.length);
  }

  find(text: string, segments: readonly [number, number][]): CompiledSignature[] {
    const epoch = ++this.epoch;
    const { seen, found } = this;
    found.length = 0;
    const mark = (id: number) => {
      if (seen[id] !== epoch) {
        seen[id] = epoch;
        found.push(id);
      }
    };
    for (const [from, to] of segments) this.catalog.automaton.scan(text, from, to, mark);
    if (found.length === 0) return [];

    const out: CompiledSignature[] = [];
    const { anchored, signatures } = this.catalog;
    const has = (ids: Int32Array) => {
      for (let k = 0; k < ids.length; k++) if (seen[ids[k]!] !== epoch) return false;
      return true;
    };
    for (const word of found) {
      const list = anchored[word]!;
      for (let k = 0; k < list.length; k++) {
        const index = list[k]!;
        if (this.checked[index] === epoch) continue;
        this.checked[index] = epoch;
        const sig = signatures[index]!;
        if (sig.all.length > 0 ? has(sig.required) : sig.anyGates.some(has)) out.push(sig);
      }
    }
    return out;
  }
}
