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
export function loadSignatureDir(dir: string): Promise<Signature[]> {
  return loadSignatureDirs([dir]);
}

/** Several folders as one custom catalog: an id defined twice, in any of them, is an error rather than a silent override. */
export async function loadSignatureDirs(dirs: readonly string[]): Promise<Signature[]> {
  const seen = new Map<string, string>();
  const out: Signature[] = [];
  for (const dir of dirs) {
    for (const file of await filesOf(dir)) {
      for (const s of await loadFile(file)) {
        const first = seen.get(s.id);
        if (first) throw new SignatureLoadError(`${file}: $.id: ${s.id} is already defined in ${first}`);
        seen.set(s.id, file);
        out.push(s);
      }
    }
  }
  return out;
}

async function filesOf(dir: string): Promise<string[]> {
  let files: string[];
  try {
    files = await jsonFiles(dir);
  } catch (error) {
    throw new SignatureLoadError(`cannot read signature folder ${dir}: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new SignatureLoadError(`no *.json signature files in ${dir}`);
  return files;
}

/** One file's signatures. Paths stay as the user wrote the folder, so messages point where they look. */
async function loadFile(file: string): Promise<Signature[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new SignatureLoadError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  try {
    const signatures = parseSignatures(json, file);
    // The schema passes some signatures the matcher cannot index (no literal word to prefilter
    // on); compiling the file alone catches that here, where the file name is still known.
    createDiagnoser({ signatures, builtin: false });
    return signatures;
  } catch (error) {
    if (error instanceof SignatureError) throw new SignatureLoadError(error.message.startsWith(file) ? error.message : `${file}: ${error.message}`);
    throw error;
  }
}
