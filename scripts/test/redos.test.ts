// Every regex of the catalog goes through the ReDoS checker; known-bad patterns are rejected with
// the attack string the checker found.
import { describe, expect, it } from "vitest";
import { catalogFromFiles } from "../lib/catalog-from-files.js";
import { checkRegex, checkRegexSafety } from "../lib/redos.js";

process.env.RECHECK_BACKEND ??= "native";

describe("ReDoS checker", () => {
  it.each([
    ["nested quantifier", "(a+)+$"],
    ["overlapping alternation under a star", "^(\\w+\\s?)*$"],
    ["two unbounded gaps", ".*foo.*bar"],
    ["unbounded run before a literal", "(?<endpoint>\\S*/v1/oauth/token)\\b.{0,80}\\b400\\b"],
  ])("rejects %s with an attack string", async (_name, source) => {
    const verdict = await checkRegex(source);
    expect(verdict.safe).toBe(false);
    expect(verdict.attack).toBeTruthy();
  });

  it.each([
    ["a plain phrase", "api error: 401 invalid authentication credentials"],
    ["a bounded gap between phrases", "contextwindowexceedederror.{0,300}maximum context length is (?<limit>[\\d,]+) tokens"],
  ])("accepts %s", async (_name, source) => {
    expect((await checkRegex(source)).safe).toBe(true);
  });
});

describe("catalog", () => {
  it("every regex in signatures/ is safe", { timeout: 20 * 60_000 }, async () => {
    const { signatures } = catalogFromFiles();
    expect(await checkRegexSafety(signatures, { cache: false })).toEqual([]);
  });
});
