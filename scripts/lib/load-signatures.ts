// Reads signature JSON files from disk and validates them with the core schema.
// Used by build-catalog, validate, eval and tests; never by the published core.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSignatures, SignatureError } from "../../packages/core/src/parse.js";
import type { Signature } from "../../packages/core/src/schema.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SIGNATURES_DIR = join(ROOT, "signatures");

/** Every `*.json` under `dir` except schema.json, sorted. */
export function signatureFiles(dir = SIGNATURES_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".json") && name !== "schema.json") out.push(p);
    }
  };
  walk(dir);
  return out;
}

export interface LoadedSignature {
  file: string;
  signature: Signature;
}

export interface LoadResult {
  loaded: LoadedSignature[];
  errors: string[];
}

/** Loads files; collects readable errors (file + JSON path) instead of stopping at the first. */
export function loadSignatureFiles(files: string[], base = ROOT): LoadResult {
  const loaded: LoadedSignature[] = [];
  const errors: string[] = [];
  for (const file of files) {
    const rel = relative(base, file);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      errors.push(`${rel}: not valid JSON: ${(e as Error).message}`);
      continue;
    }
    try {
      const [signature] = parseSignatures(json, rel);
      if (!signature) continue;
      const expected = rel.split(sep).slice(-2).join("/").replace(/\.json$/, "");
      if (file.startsWith(SIGNATURES_DIR) && signature.id !== expected)
        errors.push(`${rel}: $.id: is "${signature.id}" but the file path says "${expected}"`);
      loaded.push({ file: rel, signature });
    } catch (e) {
      if (e instanceof SignatureError) errors.push(e.message);
      else throw e;
    }
  }
  return { loaded, errors };
}
