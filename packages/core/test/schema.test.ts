import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSignatures, SignatureError, signatureJsonSchema } from "../src/index.js";
import { signatureJsonSchema as generated } from "../../../scripts/lib/json-schema.js";
import { sig } from "./fixtures.js";

describe("schema", () => {
  it("signatures/schema.json is generated from the zod schema (run `pnpm schema` when this fails)", () => {
    const committed = JSON.parse(readFileSync(new URL("../../../signatures/schema.json", import.meta.url), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(generated)));
    expect(signatureJsonSchema).toEqual(committed);
  });

  it("accepts a minimal signature and applies defaults", () => {
    const [s] = parseSignatures(sig("x/ok", { all: [{ regex: "some error text" }] }));
    expect(s!.match.window).toBe(40);
    expect(s!.match.all[0]!.weight).toBe(1);
  });

  it.each([
    ["wrong type", { title: 5 }, "$.title"],
    ["unknown field", { colour: "red" }, "$"],
    ["bad regex", { match: { all: [{ regex: "(unclosed" }] } }, "$.match.all[0].regex"],
    ["unknown named group", { match: { all: [{ regex: "(?<nope>x)yz" }] } }, "$.match.all[0].regex"],
    ["both regex and literal", { match: { all: [{ regex: "abc", literal: "abc" }] } }, "$.match.all[0]"],
    ["bad category", { category: "misc" }, "$.category"],
    ["id not matching tool", { id: "other/x" }, "$.id"],
    ["non-https source", { sources: [{ url: "http://example.com" }] }, "$.sources[0].url"],
    ["no examples", { examples: [] }, "$.examples"],
    ["a repeated source", { sources: [{ url: "https://example.com/1" }, { url: "https://example.com/1" }] }, "$.sources[1].url"],
    ["a repeated example", { examples: [{ text: "same text" }, { text: "same text" }] }, "$.examples[1].text"],
    ["a matcher repeated in any", { match: { all: [{ regex: "some error" }], any: [{ regex: "some error" }] } }, "$.match.any[0]"],
    ["a repeated matcher name", { match: { all: [{ name: "a", regex: "abc" }, { name: "a", regex: "xyz" }] } }, "$.match.all[1].name"],
  ])("rejects %s with the JSON path", (_name, patch, path) => {
    const bad = { ...sig("x/bad", { all: [{ regex: "some error text" }] }), ...patch };
    try {
      parseSignatures(bad, "signatures/x/bad.json");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SignatureError);
      expect((e as Error).message).toContain("signatures/x/bad.json: ");
      expect((e as SignatureError).issues.map((i) => i.path)).toContain(path);
    }
  });

  it("rejects prototype-pollution keys anywhere", () => {
    const bad = JSON.parse(`{"id":"x/p","match":{"all":[{"regex":"abc","__proto__":{"polluted":true}}]}}`);
    expect(() => parseSignatures(bad, "p.json")).toThrow(/p\.json: \$\.match\.all\[0\]\.__proto__: forbidden key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
