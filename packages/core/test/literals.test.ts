import { describe, expect, it } from "vitest";
import { matcherWords, regexAlternatives, regexWords } from "../src/literals.js";
import { WordAutomaton } from "../src/prefilter.js";

describe("required words of a regex", () => {
  it.each([
    ["api error: 401 invalid authentication credentials", ["api", "error", "401", "invalid", "authentication", "credentials"]],
    ["(?<status>401)\\b.{0,80}invalid authentication", ["401", "invalid", "authentication"]],
    ["rate[ _]limit(?:ed)? exceeded", ["rate", "limit", "exceeded"]],
    ["foo(?:bar)?baz", ["foo", "baz"]],
    ["colou?r scheme", ["colo", "scheme"]],
    ["(?:overloaded_error|overloaded)", ["overloaded"]],
    ["econnreset|etimedout", []],
    ["\\bsk-ant-[a-z0-9]+", ["ant"]],
    ["[a-z]+ failed", ["failed"]],
    ["(?=lookahead)real", ["real"]],
    ["ab+cde", ["cde"]],
    ["x{0,3}yyyy", ["yyyy"]],
  ])("%s", (source, expected) => {
    expect(regexWords(source).sort()).toEqual([...expected].sort());
  });

  it("never invents a word the regex does not require", () => {
    // Every word returned must occur in a string the regex matches.
    const cases: [string, string][] = [
      ["(?:hello|help) world", "help world"],
      ["a(?:bcd)*efg", "aefg"],
      ["API Error:? ?5\\d\\d overloaded", "api error 529 overloaded"],
    ];
    for (const [source, sample] of cases) {
      expect(new RegExp(source, "i").test(sample)).toBe(true);
      for (const w of regexWords(source)) expect(sample.toLowerCase()).toContain(w);
    }
  });

  it("splits literals into words", () => {
    expect(matcherWords({ literal: "Invalid x-api-key" })).toEqual(["invalid", "api", "key"]);
  });
});

/** Words the automaton reports for `text`, in order of first occurrence. */
function wordsFound(a: WordAutomaton, text: string): string[] {
  const found = new Int32Array(a.words.length);
  const n = a.scan(text, 0, text.length, 0, new Uint32Array(a.words.length), 1, found, 0);
  return [...found.subarray(0, n)].map((id) => a.words[id]!);
}

describe("word automaton", () => {
  it("finds every word case-insensitively, overlapping ones too, each once", () => {
    const a = new WordAutomaton(["oauth", "token", "auth", "401"]);
    expect(wordsFound(a, "POST /v1/OAuth/Token → 401 oauth").sort()).toEqual(["401", "auth", "oauth", "token"]);
  });

  it("does not match across non-word characters", () => {
    expect(wordsFound(new WordAutomaton(["apierror"]), "api error")).toEqual([]);
  });

  it("checks the boundaries a word needs, as the normalised view would see them", () => {
    const a = new WordAutomaton(["roo"], Uint8Array.from([3]));
    expect(wordsFound(a, "root cause")).toEqual([]);
    expect(wordsFound(a, "Roo is having trouble")).toEqual(["roo"]);
    expect(wordsFound(a, "\\nroo\\n")).toEqual(["roo"]); // JSON-escaped line breaks
    expect(wordsFound(a, "\u001b[1mroo\u001b[0m")).toEqual(["roo"]); // ANSI colour
    expect(wordsFound(a, "kangaroo")).toEqual([]);
  });
});


describe("prefilter alternatives", () => {
  it("splits top-level alternation, also when the whole pattern is one group", () => {
    const texts = (src: string) => regexAlternatives(src).map((alt) => alt.map((w) => w.text).sort());
    expect(texts("(?:you have hit your usage limit|usage_limit_reached)")).toEqual([
      ["have", "hit", "limit", "usage", "you", "your"],
      ["usage_limit_reached"],
    ]);
    expect(texts("econnreset|etimedout")).toEqual([["econnreset"], ["etimedout"]]);
    expect(texts("(?:abc|x{0,2})")).toEqual([]);
  });

  it("records the word boundaries the regex states", () => {
    const [alt] = regexAlternatives("\\broo (?:encountered|is having)");
    expect(alt).toEqual([{ text: "roo", start: true, end: true }]);
    const [free] = regexAlternatives("authenticat(?:e|ion)");
    expect(free).toEqual([{ text: "authenticat", start: false, end: false }]);
  });
});
