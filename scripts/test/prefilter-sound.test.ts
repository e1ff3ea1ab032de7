// The prefilter may let through signatures that then fail, but it must never drop one whose rules
// would hold: for real error texts in every shape they arrive in, every signature whose rules match
// the normalised text (evaluated without the prefilter) must be among the prefilter's candidates.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CandidateFinder } from "../../packages/core/src/candidates.js";
import { compileCatalog } from "../../packages/core/src/compile.js";
import { lineIndex } from "../../packages/core/src/lines.js";
import { evaluate } from "../../packages/core/src/match.js";
import { normalize } from "../../packages/core/src/normalize.js";
import { catalogFromFiles } from "../lib/catalog-from-files.js";

const { signatures } = catalogFromFiles();
const compiled = compileCatalog(signatures);
const finder = new CandidateFinder(compiled);
const texts = readFileSync(new URL("../../../shared/corpora/errors/dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

function unsound(text: string): string[] {
  const view = normalize(text);
  const lineOf = lineIndex(text);
  const candidates = new Set(finder.find(text, 0, text.length).map((c) => c.signature.id));
  return compiled.signatures
    .filter((sig) => evaluate(sig, view, (o) => lineOf(view.map[o] ?? 0)) !== null)
    .map((sig) => sig.signature.id)
    .filter((id) => !candidates.has(id));
}

/** The shapes real text arrives in (DESIGN.md §6). */
const shapes: [string, (t: string) => string][] = [
  ["as is", (t) => t],
  ["JSON-escaped", (t) => JSON.stringify(t).slice(1, -1)],
  ["JSON-escaped twice", (t) => JSON.stringify(JSON.stringify(t)).slice(1, -1)],
  ["CRLF", (t) => t.replace(/\n/g, "\r\n")],
  ["ANSI-coloured words", (t) => t.replace(/(\S+)/g, "\u001b[1;31m$1\u001b[0m")],
  ["wrapped at 40 columns", (t) => t.replace(/(.{1,40})(\s+|$)/g, "$1\n    ")],
  ["TUI frame", (t) => `⎿  ${t.split("\n").join("\n   │ ")}`],
];

describe("prefilter soundness", () => {
  it.each(shapes)("never drops a matching signature: %s", (_name, shape) => {
    const dropped = texts.flatMap((t) => unsound(shape(t)).map((id) => `${id}: ${t.slice(0, 80)}`));
    expect(dropped).toEqual([]);
  });

  it("holds for random mixtures of shapes and noise", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...texts),
        fc.array(fc.constantFrom(...shapes.map(([, f]) => f)), { maxLength: 3 }),
        fc.string({ maxLength: 20 }),
        (text, fs, noise) => {
          const shaped = fs.reduce((t, f) => f(t), `${noise} ${text}`);
          expect(unsound(shaped)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
