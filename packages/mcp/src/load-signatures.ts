import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createDiagnoser, parseSignatures, SignatureError, type Signature } from "@errsig/core";

/** A custom catalog that cannot be loaded; the message names the file and, for schema problems, the JSON path. */
export class SignatureLoadError extends Error {
  override name = "SignatureLoadError";
}

/**
 * Every `*.json` under `dir`, recursively, sorted so errors and order never depend on the file
 * system. Walked by hand: `readdir({ recursive })` and `Dirent.parentPath` need Node 20.12+,
 * and engines says 20.
 */
async function jsonFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFiles(path)));
    else if (entry.isFile() && entry.name.endsWith(".json") && entry.name !== "schema.json") out.push(path);
  }
  return out.sort();
}

/**
 * Reads and validates a custom signature folder, as the CLI's `--signatures DIR` does. Each file
 * holds one signature or an array of them. Fails on the first bad file, with its name: a server
 * that starts with half a catalog would answer wrongly without anyone noticing.
 * `schema.json` is skipped so a folder laid out like the built-in one (with its schema) loads as is.
 */
export async function loadSignatureDir(dir: string): Promise<Signature[]> {
  let files: string[];
  try {
    files = await jsonFiles(dir);
  } catch (error) {
    throw new SignatureLoadError(`cannot read signature folder ${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new SignatureLoadError(`no *.json signature files in ${dir}`);

  const seen = new Map<string, string>();
  const out: Signature[] = [];
  for (const file of files) {
    const name = file; // as the user wrote the folder, so the message points where they look
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      throw new SignatureLoadError(`${name}: not valid JSON: ${(error as Error).message}`);
    }
    let signatures: Signature[];
    try {
      signatures = parseSignatures(json, name);
      // The schema passes some signatures the matcher cannot index (no literal word to prefilter
      // on); compiling the file alone catches that here, where the file name is still known.
      createDiagnoser({ signatures, builtin: false });
    } catch (error) {
      if (error instanceof SignatureError) throw new SignatureLoadError(error.message.startsWith(name) ? error.message : `${name}: ${error.message}`);
      throw error;
    }
    for (const s of signatures) {
      const first = seen.get(s.id);
      if (first) throw new SignatureLoadError(`${name}: $.id: ${s.id} is already defined in ${first}`);
      seen.set(s.id, name);
      out.push(s);
    }
  }
  return out;
}
