// Hostile input: whatever the text, diagnose returns (never throws, never hangs), offsets stay inside
// the input, line endings do not change the answer, and bad custom catalogs fail with file and field.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDiagnoser, diagnose, diagnoseAll, SignatureError } from "../src/index.js";
import { sig } from "./fixtures.js";

const dev = readFileSync(new URL("../../../../shared/corpora/errors/dev.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; expected: string | null });

function checkOffsets(text: string) {
  for (const d of diagnoseAll(text, { limit: 10, minConfidence: 0 }))
    for (const e of d.evidence) {
      expect(e.start).toBeGreaterThanOrEqual(0);
      expect(e.end).toBeLessThanOrEqual(text.length);
      expect(e.start).toBeLessThanOrEqual(e.end);
      expect(e.line).toBeGreaterThanOrEqual(1);
    }
}

describe("arbitrary input", () => {
  it("never throws and keeps offsets inside the input (arbitrary strings, Unicode, surrogates, NUL)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "grapheme-composite" }), fc.string({ unit: "binary" }), fc.stringMatching(/[\u0000\ud800-\udfff\\"\n\u001b[]{0,50}/)),
        fc.constantFrom(...dev.map((d) => d.text)),
        (noise, real) => {
          checkOffsets(noise);
          checkOffsets(`${noise}${real}${noise}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("gives the same answer for CRLF and LF", () => {
    for (const { text } of dev) {
      const lf = text.replace(/\r\n/g, "\n");
      const crlf = lf.replace(/\n/g, "\r\n");
      expect(diagnose(crlf)?.id ?? null, lf.slice(0, 80)).toBe(diagnose(lf)?.id ?? null);
    }
  });

  it("rejects non-string input with a clear TypeError", () => {
    expect(() => diagnose(undefined as unknown as string)).toThrow(TypeError);
    expect(() => diagnose(Buffer.from("x") as unknown as string)).toThrow(/must be a string/);
  });
});

describe("adversarial megabyte inputs complete", () => {
  const seed = "API Error: 401 Invalid authentication credentials";
  const cases: [string, string][] = [
    ["one character repeated", "a".repeat(1 << 20)],
    ["backslashes", "\\".repeat(1 << 20)],
    ["ANSI escape starts", "\u001b[".repeat(1 << 19)],
    ["deeply nested JSON", `${"{\"error\":".repeat(60_000)}"x"${"}".repeat(60_000)}`],
    ["100k-line stack trace", "    at jF8 (file:///usr/lib/node_modules/@anthropic-ai/claude-code/cli.js:2710:1351)\n".repeat(100_000)],
    ["near-miss repetitions of catalog phrases", "API Error: 401 Invalid authentication ".repeat(30_000)],
    ["catalog words without spaces", "oauthtokenapierrorinvalidcredentials".repeat(30_000)],
  ];
  it.each(cases)("%s", (_name, text) => {
    const got = diagnoseAll(text);
    expect(Array.isArray(got)).toBe(true);
    const planted = `${text.slice(0, 1000)}\n${seed}\n${text.slice(-1000)}`;
    expect(diagnose(planted)?.id).toBe("claude-code/oauth-refresh-400-after-early-revocation");
  });
});

describe("malformed custom catalogs", () => {
  const good = sig("custom/good", { all: [{ regex: "frobnicator exploded" }] });
  const builtin = createDiagnoser();
  const baseline = (text: string) => builtin.diagnose(text)?.id ?? null;
  const bads: [string, unknown, RegExp][] = [
    ["wrong type", { ...good, id: "custom/a", title: 42 }, /signatures\[0\]: \$\.title/],
    ["unknown field", { ...good, id: "custom/b", severity: "high" }, /signatures\[0\]: \$: Unrecognized key/],
    ["bad regex", { ...good, id: "custom/c", match: { all: [{ regex: "([a-z" }] } }, /\$\.match\.all\[0\]\.regex: is not a valid/],
    ["prototype pollution", JSON.parse('{"id":"custom/d","constructor":{"prototype":{"x":1}}}'), /\$\.constructor: forbidden key/],
    ["not an object", "just a string", /signatures\[0\]: \$/],
    ["huge file", { ...good, id: "custom/e", examples: Array.from({ length: 5000 }, () => ({ text: "x".repeat(20001) })) }, /\$\.examples\[0\]\.text/],
  ];
  it.each(bads)("%s: error names the entry and the field", (_name, bad, message) => {
    expect(() => createDiagnoser({ signatures: [bad] })).toThrow(SignatureError);
    expect(() => createDiagnoser({ signatures: [bad] })).toThrow(message);
  });
  it("duplicate ids in a custom catalog are an error, not a silent drop", () => {
    expect(() => createDiagnoser({ signatures: [good, good] })).toThrow(/signatures\[1\]: \$\.id: duplicate id "custom\/good"/);
  });
  it("a failed custom catalog leaves the built-in catalog untouched", () => {
    const before = dev.map((d) => baseline(d.text));
    for (const [, bad] of bads) expect(() => createDiagnoser({ signatures: [bad] })).toThrow();
    // The module-level diagnose() and a diagnoser created after the failures agree with the baseline.
    const after = createDiagnoser();
    expect(dev.map((d) => after.diagnose(d.text)?.id ?? null)).toEqual(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(dev.map((d) => baseline(d.text))).toEqual(before);
    expect(diagnose("frobnicator exploded")).toBeNull();
  });
  it("a good custom signature is added, and can override a built-in id", () => {
    const d = createDiagnoser({ signatures: [good] });
    expect(d.diagnose("the frobnicator exploded again")?.id).toBe("custom/good");
    const override = sig("claude-code/oauth-refresh-400-after-early-revocation", { all: [{ regex: "frobnicator exploded" }] });
    const o = createDiagnoser({ signatures: [override] });
    expect(o.diagnose("frobnicator exploded")?.id).toBe("claude-code/oauth-refresh-400-after-early-revocation");
    expect(o.diagnose("API Error: 401 Invalid authentication credentials")?.id).not.toBe("claude-code/oauth-refresh-400-after-early-revocation");
  });
});
