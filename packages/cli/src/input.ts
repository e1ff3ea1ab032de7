import { readFileSync, statSync } from "node:fs";
import { CliError } from "./errors.js";

/** How much of the input is inspected to tell text from binary. */
const SNIFF = 8192;

/**
 * Binary input (an image, an archive, a core dump) would be diagnosed as noise: refuse it. A NUL byte
 * near the start is what git and grep use; so many control characters that it cannot be a log is the rest.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return n > 0 && control / n > 0.1;
}

function decode(bytes: Uint8Array, what: string): string {
  if (bytes.length === 0) throw new CliError(`${what} is empty`);
  if (looksBinary(bytes)) throw new CliError(`${what} looks like binary data, not text`);
  const text = new TextDecoder().decode(bytes);
  if (!/\S/.test(text)) throw new CliError(`${what} is empty (only whitespace)`);
  return text;
}

/** Checks that a path is a readable regular file, with one clear message for each way it is not. */
export function checkFile(path: string): number {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`${path} is a directory, not a file`);
    if (!st.isFile() && !st.isFIFO()) throw new CliError(`${path} is not a regular file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === "ENOENT" ? `${path}: no such file` : `cannot read ${path}: ${code ?? (e as Error).message}`);
  }
  return size;
}

export function readTextFile(path: string): string {
  checkFile(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return decode(bytes, path);
}

/** All of stdin; refuses a terminal (nothing was piped) so the command does not hang waiting. */
export async function readStdin(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (stdin.isTTY) throw new CliError("no input: give the error text as arguments, with --file PATH, or on stdin (some-tool 2>&1 | errsig)");
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(chunk as Buffer);
  return decode(Buffer.concat(chunks), "stdin");
}
