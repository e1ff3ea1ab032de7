import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A minimal valid custom signature for a tool the built-in catalog does not know. */
export const custom = {
  id: "acme-cli/license-server-unreachable",
  tool: "acme-cli",
  category: "network-proxy-tls",
  title: "Acme CLI cannot reach its license server",
  message: "ACME-E042 license server unreachable",
  summary: "The Acme CLI could not contact its license server and refuses to run.",
  why: "The CLI checks its license on start and gives up when the server does not answer.",
  causes: ["The office VPN is down."],
  fixes: [{ title: "Connect to the VPN and retry", command: "acme login --retry" }],
  sources: [{ url: "https://example.com/acme/license" }],
  updated: "2026-11-25",
  match: { all: [{ literal: "ACME-E042" }, { regex: "license server unreachable" }] },
  examples: [{ text: "fatal: ACME-E042 license server unreachable (timeout after 30s)" }],
};

/**
 * A custom signature whose evidence spans the key it complains about, so a diagnosis carries
 * input text that needs redacting (built-in matchers rarely cover a token).
 */
export const keyRejected = {
  ...custom,
  id: "acme-cli/key-rejected",
  title: "Acme CLI rejects the configured API key",
  message: "ACME-E401 key rejected",
  match: { all: [{ name: "key-rejected", regex: "ACME-E401 key rejected: \\S+" }] },
  examples: [{ text: "ACME-E401 key rejected: abc" }],
};

const dirs: string[] = [];

/** A temporary folder holding `files` (relative path → content); removed by `removeFolders`. */
export function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "errsig-mcp-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function removeFolders(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
