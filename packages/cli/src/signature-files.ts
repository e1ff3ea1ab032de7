import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseSignatures, SignatureError, type Signature } from "@errsig/core";
import { CliError } from "./errors.js";

/** Every signature file under the given files and folders: `*.json` except `schema.json`, sorted. */
export function collectFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".json") && name !== "schema.json") out.push(p);
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new CliError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

export interface LoadedFile {
  file: string;
  json?: unknown;
  signatures: Signature[];
  /** Problems that stop the file from loading: not JSON, or not a valid signature. */
  errors: { path: string; message: string }[];
}

/** Reads and validates one file; problems are collected, not thrown. */
export function loadFile(file: string): LoadedFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const message = (e as Error).message.replace(/^(?:Unexpected|JSON)/, (m) => m);
    return { file, signatures: [], errors: [{ path: "$", message: `not valid JSON: ${message}` }] };
  }
  try {
    return { file, json, signatures: parseSignatures(json, file), errors: [] };
  } catch (e) {
    if (e instanceof SignatureError) return { file, json, signatures: [], errors: e.issues };
    throw e;
  }
}

/** The signatures of every `--signatures DIR`; an invalid file stops the command with a pointer to `errsig validate`. */
export function loadCustomSignatures(dirs: string[]): Signature[] {
  if (dirs.length === 0) return [];
  const out: Signature[] = [];
  for (const file of collectFiles(dirs)) {
    const loaded = loadFile(file);
    const first = loaded.errors[0];
    if (first) throw new CliError(`${file}: ${first.path}: ${first.message} (run: errsig validate ${dirs.join(" ")})`);
    out.push(...loaded.signatures);
  }
  return out;
}
