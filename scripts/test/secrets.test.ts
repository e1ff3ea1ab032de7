// Secrets planted in real error texts never come back: not from core, not in the CLI's output
// (human or JSON), not in the stream's annotations. (The MCP server has its own test:
// packages/mcp/test/secrets.test.ts.) A custom signature with a wide matcher makes evidence cover
// the planted secret, so redaction is what keeps it out, not luck.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createDiagnoser } from "@errsig/core";
import { SECRETS, secretCore } from "../../packages/core/test/secrets.js";
import { sig } from "../../packages/core/test/fixtures.js";

const root = new URL("../../", import.meta.url).pathname;
const { createDiagnoseStream } = (await import(join(root, "packages/stream/dist/index.js"))) as typeof import("../../packages/stream/src/index.js");
const cli = join(root, "packages/cli/dist/cli.js");

const dev = readFileSync(join(root, "../shared/corpora/errors/dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; expected: string | null })
  .filter((c) => c.expected !== null);

// Evidence that reaches the secret whatever its format.
const wide = {
  ...sig("leak/wide", {
    all: [
      {
        name: "credential-context",
        regex: ["key", "token", "auth", "cookie", "secret", "password", "bearer", "private", "http"].map((w) => `${w}[^\\n]{0,400}`).join("|"),
      },
    ],
  }),
  extract: [{ field: "url", regex: "(https?://\\S{1,200})" }],
};
const dir = mkdtempSync(join(tmpdir(), "errsig-secrets-"));
writeFileSync(join(dir, "wide.json"), JSON.stringify(wide));
const diagnoser = createDiagnoser({ signatures: [wide] });

/** Each secret planted in a different real error text, on a line of its own and inside the text. */
const cases = SECRETS.map(([name, secret], i) => {
  const real = dev[(i * 7) % dev.length]!.text;
  const text = `${real}\nrequest auth: ${secret}\n${real.slice(0, 200)} token=${secret}`;
  return { name, secret, text };
});

describe.each(cases)("$name", ({ secret, text }) => {
  const leaked = (output: string) => output.includes(secretCore(secret));

  it("core: no returned string contains it", () => {
    const all = diagnoser.diagnoseAll(text, { limit: 10, minConfidence: 0 });
    expect(all.some((d) => d.id === "leak/wide")).toBe(true);
    expect(leaked(JSON.stringify(all))).toBe(false);
  });

  it("CLI: neither the human nor the JSON output contains it", () => {
    for (const flags of [["--all"], ["--all", "--json"]]) {
      let out = "";
      try {
        out = execFileSync(process.execPath, [cli, ...flags, "--no-color", "--signatures", dir], { input: text, encoding: "utf8" });
      } catch (e) {
        out = String((e as { stdout?: string }).stdout ?? "");
      }
      expect(out.length).toBeGreaterThan(0);
      expect(leaked(out)).toBe(false);
    }
  });

  it("stream: the errsig annotation does not contain it", async () => {
    const stream = createDiagnoseStream({ objectMode: false, mode: "only-diagnosed", diagnoser });
    const chunks: string[] = [];
    await new Promise<void>((resolve, reject) => {
      Readable.from([`${JSON.stringify({ level: 50, msg: text })}\n`]).pipe(stream).on("data", (c: Buffer) => chunks.push(c.toString())).on("end", resolve).on("error", reject);
    });
    const records = chunks.join("").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { errsig?: unknown });
    const annotations = records.map((r) => r.errsig).filter(Boolean);
    expect(annotations.length).toBeGreaterThan(0);
    expect(leaked(JSON.stringify(annotations))).toBe(false);
  });
});
