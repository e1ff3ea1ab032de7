import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A valid custom signature anchored on words no built-in one uses. */
export function customSignature(id = "acme-agent/quota-frobnicated") {
  return {
    $schema: "https://unpkg.com/@errsig/core/schema.json",
    id,
    tool: id.split("/")[0],
    category: "billing-quota",
    title: "Acme agent: frobnication quota exhausted for the workspace",
    message: "AcmeAgentError: frobnication quota exhausted",
    summary: "The workspace used up its frobnication quota for the day.",
    why: "Acme counts frobnications per workspace and refuses more until midnight UTC.",
    causes: ["A loop that frobnicates on every keystroke"],
    fixes: [{ title: "Wait for the daily reset or raise the quota", command: "acme quota raise --workspace default" }],
    sources: [{ url: "https://example.com/acme/quota", title: "Acme quota docs", state: "docs" }],
    updated: "2026-01-01",
    match: { all: [{ name: "error", regex: "AcmeAgentError: frobnication quota (?:exhausted|used up)", weight: 2 }] },
    examples: [{ text: "AcmeAgentError: frobnication quota exhausted (workspace default)" }],
    counterexamples: [{ text: "AcmeAgentError: frobnication failed", note: "a different error" }],
  };
}

export function writeSignature(dir: string, signature: Record<string, unknown> | string, name?: string): string {
  const id = typeof signature === "string" ? "x/y" : String(signature.id);
  const [tool, slug] = id.split("/") as [string, string];
  mkdirSync(join(dir, tool), { recursive: true });
  const file = join(dir, tool, `${name ?? slug}.json`);
  writeFileSync(file, typeof signature === "string" ? signature : JSON.stringify(signature, null, 2));
  return file;
}
