import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** The built executable: the tests drive what ships, not the sources. */
export const BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "bin.js");

function assertBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm --filter @errsig/mcp build\` (or \`pnpm test\` at the root, which builds first)`);
}

export type TransportKind = "stdio" | "http";

export interface Connected {
  client: Client;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

/** Spawns `errsig-mcp` over stdio and connects the SDK's own Client to it. */
async function connectStdio(args: string[]): Promise<Connected> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], stderr: "pipe" });
  let err = "";
  transport.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const client = new Client({ name: "errsig-mcp-test", version: "0.0.0" });
  await client.connect(transport);
  return { client, stderr: () => err, close: () => client.close() };
}

/** Output of a started process up to the line that matches `pattern`, or a rejection when it exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        child.stderr?.off("data", onData);
        resolve(m);
      }
    };
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`errsig-mcp exited with ${code} before listening:\n${seen}`)));
  });
}

/** Starts `errsig-mcp --http` on a free port. */
export async function startHttp(args: string[] = []): Promise<{ url: URL; child: ChildProcess; stop(): Promise<void> }> {
  assertBuilt();
  const child = spawn(process.execPath, [BIN, "--http", "--port", "0", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  const m = await waitForLine(child, /listening on (http:\/\/\S+)/);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill();
    });
  return { url: new URL(m[1] as string), child, stop };
}

async function connectHttp(args: string[]): Promise<Connected> {
  const server = await startHttp(args);
  let err = "";
  server.child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const client = new Client({ name: "errsig-mcp-test", version: "0.0.0" });
  await client.connect(new StreamableHTTPClientTransport(server.url));
  return {
    client,
    stderr: () => err,
    close: async () => {
      await client.close();
      await server.stop();
    },
  };
}

/** A Client connected to a freshly started built server over the given transport. */
export function connect(kind: TransportKind, args: string[] = []): Promise<Connected> {
  assertBuilt();
  return kind === "stdio" ? connectStdio(args) : connectHttp(args);
}

/** Runs the bin to completion (for startup errors and --help), collecting its output. */
export function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  assertBuilt();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Text of a tool result's first content block. */
export function textOf(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((c) => c.text ?? "").join("\n");
}

export const SEED_TEXT = "API Error: 401 Invalid authentication credentials\nPOST https://platform.claude.com/v1/oauth/token returns HTTP 400";
export const SEED_ID = "claude-code/oauth-refresh-400-after-early-revocation";
