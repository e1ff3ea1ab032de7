// One generic test walks every signature file: contributors add data, never assertions.
import { describe, expect, it } from "vitest";
import { catalogFromFiles } from "../lib/catalog-from-files.js";
import { checkPrefilter, checkRelated } from "../lib/checks.js";

const { diagnoser, loaded, errors, signatures } = catalogFromFiles();

describe("catalog files", () => {
  it("every file is valid JSON, fits the schema and its id equals its path", () => {
    expect(errors).toEqual([]);
  });
  it("ids are unique", () => {
    const ids = signatures.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it("every matcher that gates a signature has prefilter words", () => {
    expect(checkPrefilter(signatures)).toEqual([]);
  });
  it("related ids exist", () => {
    expect(checkRelated(signatures, new Set(signatures.map((s) => s.id)))).toEqual([]);
  });
});

describe.each(loaded.map((l) => [l.signature.id, l] as const))("%s", (id, { signature }) => {
  it.each(signature.examples.map((e, i) => [i, e.text] as const))("example %i diagnoses to it (top-1)", (_i, text) => {
    expect(diagnoser.diagnose(text, { fuzzy: false })?.id).toBe(id);
  });
  if (signature.counterexamples.length > 0)
    it.each(signature.counterexamples.map((e, i) => [i, e.text, e.note] as const))("counterexample %i does not (%s)", (_i, text) => {
      expect(diagnoser.diagnose(text, { fuzzy: false })?.id).not.toBe(id);
    });
});
