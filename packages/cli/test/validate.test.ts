import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { catalog } from "@errsig/core";
import { describe, expect, it } from "vitest";
import { customSignature, writeSignature } from "./_signatures.js";
import { errsig, expectUsageError } from "./_run.js";

const tmp = () => mkdtempSync(join(tmpdir(), "errsig-validate-"));

interface Problem {
  file: string;
  path: string;
  message: string;
  hint?: string;
}

async function problems(dir: string): Promise<{ code: number; problems: Problem[] }> {
  const r = await errsig(["validate", "--json", dir]);
  return { code: r.code, problems: (JSON.parse(r.stdout) as { problems: Problem[] }).problems };
}

describe("errsig validate", () => {
  it("passes a good folder with exit 0", async () => {
    const dir = tmp();
    writeSignature(dir, customSignature());
    const r = await errsig(["validate", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file\(s\), 1 signature\(s\) checked: no problems/);
  });

  it.each<[string, (s: Record<string, unknown>) => Record<string, unknown> | string, string, RegExp, RegExp | undefined]>([
    ["a missing field", (s) => ({ ...s, title: undefined }), "$.title", /expected string/, /add the missing field "title"/],
    ["an unknown key", (s) => ({ ...s, titel: "x" }), "$", /Unrecognized key/, /spelling/],
    ["a bad id", (s) => ({ ...s, id: "Acme Agent/quota" }), "$.id", /kebab-case/, /<tool>\/<slug>/],
    ["a regex that does not compile", (s) => ({ ...s, match: { all: [{ regex: "AcmeAgentError: (unclosed" }] } }), "$.match.all[0].regex", /not a valid JavaScript regular expression/, /new RegExp/],
    ["a regex open to ReDoS", (s) => ({ ...s, match: { all: [{ regex: "AcmeAgentError (a+)+b" }] } }), "$.match.all[0].regex", /unsafe regex: exponential;.*attack string: /, /nested quantifiers/],
    ["a matcher without a literal word", (s) => ({ ...s, match: { all: [{ regex: "\\d+ ?\\w{2}" }] } }), "$.match.all[0]", /no literal word/, /anchor/],
    ["an example that does not hit", (s) => ({ ...s, examples: [{ text: "something else entirely" }] }), "$.examples[0]", /diagnosed as nothing/, /matchers do not hit/],
    ["a counterexample that hits", (s) => ({ ...s, counterexamples: [{ text: "AcmeAgentError: frobnication quota exhausted", note: "x" }] }), "$.counterexamples[0]", /is diagnosed as this signature/, /none/],
    ["an id that clashes with a built-in one", (s) => ({ ...s, id: catalog[0]!.id, tool: catalog[0]!.tool }), "$.id", /clashes with a built-in signature/, /another slug/],
    ["a file that is not JSON", () => '{ "id": "acme-agent/quota-frobnicated", }', "$", /not valid JSON/, /trailing comma/],
  ])("reports %s with file, JSON path and hint, and exits 1", async (_name, mutate, path, message, hint) => {
    const dir = tmp();
    const file = writeSignature(dir, mutate(customSignature()), "quota-frobnicated");
    const r = await problems(dir);
    expect(r.code).toBe(1);
    const p = r.problems.find((x) => x.path === path && message.test(x.message));
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.file).toBe(file);
    if (hint) expect(p!.hint).toMatch(hint);
  });

  it("reports a file name that does not match the id", async () => {
    const dir = tmp();
    writeSignature(dir, customSignature(), "wrong-name");
    const r = await problems(dir);
    expect(r.problems).toEqual([expect.objectContaining({ path: "$.id", message: expect.stringMatching(/file is named wrong-name\.json/) })]);
  });

  it("reports duplicate ids across files", async () => {
    const dir = tmp();
    writeSignature(dir, customSignature());
    writeFileSync(join(dir, "acme-agent", "copy.json"), JSON.stringify(customSignature()));
    const r = await problems(dir);
    expect(r.problems.some((p) => /is also the id of/.test(p.message))).toBe(true);
  });

  it("prints problems as lines for a person: file: path: message, then the hint", async () => {
    const dir = tmp();
    const file = writeSignature(dir, { ...customSignature(), examples: [{ text: "nope" }] });
    const r = await errsig(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}: $.examples[0]: diagnosed as nothing\n  hint: `);
    expect(r.stdout).toMatch(/1 problem\n$/);
  });

  it("refuses a missing path and a folder without signatures", async () => {
    expectUsageError(await errsig(["validate", "/nonexistent/sigs"]), /no such file or folder/);
    expectUsageError(await errsig(["validate", tmp()]), /no signature files/);
  });

  it("a file written by errsig new validates once filled in", async () => {
    const cwd = tmp();
    await errsig(["new", "acme-agent/quota-frobnicated"], { cwd });
    const unfilled = await problems(join(cwd, "signatures"));
    expect(unfilled.code).toBe(1);
    expect(unfilled.problems.map((p) => p.path)).toContain("$.examples[0]");
    writeSignature(join(cwd, "signatures"), customSignature());
    expect((await problems(join(cwd, "signatures"))).code).toBe(0);
  });
});
