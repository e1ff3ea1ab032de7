// The built core runs anywhere: no node: imports, no file reads, catalog inside.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog } from "@errsig/core";
import { signatureFiles } from "../lib/load-signatures.js";

const dist = new URL("../../packages/core/dist/", import.meta.url);
const NODE_ONLY = /\bfrom\s*["'](?:node:|fs["']|path["']|os["']|child_process["'])|\brequire\(["'](?:node:|fs["']|path["']|os["']|child_process["'])|\bimport\(["']node:/g;

/** The bundle's code with the generated string constants (catalog and schema text) emptied out. */
function codeOnly(source: string): string {
  let out = source;
  for (const name of ["CATALOG_JSON", "SCHEMA_JSON"]) {
    const at = out.indexOf(`${name} = `);
    if (at < 0) continue;
    const open = at + name.length + 3;
    const quote = out[open] as string;
    let i = open + 1;
    while (i < out.length && out[i] !== quote) i += out[i] === "\\" ? 2 : 1;
    out = `${out.slice(0, open)}""${out.slice(i + 1)}`;
  }
  return out;
}

describe("built @errsig/core", () => {
  it.each(["index.js", "index.cjs"])("%s has no Node-only imports", (file) => {
    const code = codeOnly(readFileSync(new URL(file, dist), "utf8"));
    expect(code.length).toBeLessThan(200_000); // the constants were found and removed
    expect(code.match(NODE_ONLY) ?? []).toEqual([]);
  });
  it("carries every signature file", () => {
    expect(catalog.length).toBe(signatureFiles().length);
  });
});
