// The built core runs anywhere: no node: imports, no file reads, catalog inside.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog } from "@errsig/core";
import { signatureFiles } from "../lib/load-signatures.js";

const dist = new URL("../../packages/core/dist/", import.meta.url);

describe("built @errsig/core", () => {
  it.each(["index.js", "index.cjs"])("%s has no Node-only imports", (file) => {
    // The catalog is one JSON string literal whose fixes may mention require('fs'); check the code around it.
    const code = readFileSync(new URL(file, dist), "utf8").replace(/CATALOG_JSON\s*=\s*"(?:[^"\\]|\\.)*"/, "CATALOG_JSON = \"\"");
    expect(code).not.toMatch(/\bfrom\s*["'](node:|fs["']|path["']|os["']|child_process["'])|\brequire\(["'](node:|fs["']|path["']|os["']|child_process["'])|\bimport\(["']node:/);
  });
  it("carries every signature file", () => {
    expect(catalog.length).toBe(signatureFiles().length);
  });
});
