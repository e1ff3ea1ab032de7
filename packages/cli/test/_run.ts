import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the built bin, as a user's shell would. Colour variables are cleared unless given. */
export function errsig(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string; bin?: string } = {}): Promise<Result> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], { env: env as NodeJS.ProcessEnv, cwd: options.cwd, stdio: "pipe" });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (d: Buffer) => out.push(d));
  child.stderr.on("data", (d: Buffer) => err.push(d));
  child.stdin.on("error", () => {}); // the CLI may exit before reading everything
  child.stdin.end(options.input ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

const ANSI = /\x1b\[[0-9;]*m/g;
export const plain = (s: string) => s.replace(ANSI, "");

/** Lines wider than 80 columns, except a lone unbreakable token (a long URL) which cannot be wrapped. */
export function tooWide(text: string): string[] {
  return plain(text)
    .split("\n")
    .filter((l) => [...l].length > 80 && /\s\S/.test(l.trim()));
}

/** A user-facing failure: one line on stderr, nothing on stdout, no stack trace. */
export function expectUsageError(r: Result, pattern: RegExp): void {
  if (r.code !== 2 || r.stdout !== "" || !pattern.test(r.stderr) || r.stderr.trim().split("\n").length !== 1 || /\n\s+at /.test(r.stderr))
    throw new Error(`expected one-line usage error ${pattern} with exit 2, got ${JSON.stringify(r)}`);
}
