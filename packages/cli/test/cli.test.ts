import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diagnose, diagnoseAll, getSignature } from "@errsig/core";
import { beforeAll, describe, expect, it } from "vitest";
import { devCases } from "../../stream/test/_corpus.js";
import pkg from "../package.json" with { type: "json" };
import { customSignature, writeSignature } from "./_signatures.js";
import { BIN, errsig, expectUsageError, plain, tooWide } from "./_run.js";

// A real error text the catalog diagnoses (chosen from the dev corpus, which the catalog is tuned on),
// and one with fields and several candidates for --all.
let text: string;
let id: string;
let ranked: string;
beforeAll(() => {
  const cases = devCases().filter((c) => c.expected && !c.text.includes("\r"));
  const hit = cases.find((c) => c.text.length < 300 && diagnose(c.text)?.id === c.expected)!;
  text = hit.text;
  id = hit.expected!;
  ranked = cases.find((c) => diagnoseAll(c.text).length > 1)?.text ?? text;
});

const tmp = () => mkdtempSync(join(tmpdir(), "errsig-cli-"));

describe("errsig --version and --help", () => {
  it("prints the version", async () => {
    const r = await errsig(["--version"]);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it.each([[[]], [["diagnose"]], [["scan"]], [["list"]], [["show"]], [["search"]], [["validate"]], [["new"]]])(
    "errsig %j --help shows an example and fits 80 columns",
    async (cmd) => {
      const r = await errsig([...cmd, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Usage: errsig/);
      expect(r.stdout).toMatch(/\nExamples?:\n {2}\$ /);
      if (cmd.length === 0) expect(r.stdout).toMatch(/Commands:[\s\S]*scan[\s\S]*validate/);
      expect(r.stdout).toMatch(/--signatures <dir>/);
      expect(tooWide(r.stdout)).toEqual([]);
    },
  );
});

describe("errsig [diagnose]", () => {
  it("diagnoses text given as arguments, for a person", async () => {
    const r = await errsig([text]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const d = diagnose(text)!;
    const out = plain(r.stdout);
    expect(out.startsWith(d.title.slice(0, 40))).toBe(true);
    expect(out).toContain(`${d.toolName} · ${d.category} · ${Math.round(d.confidence * 100)}% confidence`);
    expect(out).toMatch(/\nWhat it means\n/);
    expect(out).toMatch(/\nFixes\n {2}1\. /);
    if (d.fixes[0]?.command && !/^https?:/.test(d.fixes[0].command)) expect(out).toMatch(/\n {7}\$ /);
    expect(out).toMatch(/\nEvidence\n {2}line \d+: .*»[^«]+«/);
    expect(out).toMatch(/\nSources\n {2}• /);
    expect(tooWide(r.stdout)).toEqual([]);
  });

  it("reads stdin, and `diagnose` is the same command", async () => {
    const a = await errsig([], { input: `${text}\n` });
    const b = await errsig(["diagnose"], { input: text });
    expect(a.code).toBe(0);
    expect(plain(a.stdout)).toContain(`id: ${id}`);
    expect(b.stdout).toBe(a.stdout);
  });

  it("reads --file", async () => {
    const file = join(tmp(), "error.txt");
    writeFileSync(file, text);
    const r = await errsig(["--file", file]);
    expect(r.code).toBe(0);
    expect(plain(r.stdout)).toContain(`id: ${id}`);
  });

  it("--json prints the Diagnosis object", async () => {
    const r = await errsig(["--json", text]);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d).toMatchObject({ id, confidence: expect.any(Number), fixes: expect.any(Array), evidence: expect.any(Array) });
  });

  it("--all shows the ranked alternatives (and --all --json an array)", async () => {
    const expected = diagnoseAll(ranked).map((d) => d.id);
    const json = await errsig(["--all", "--json", ranked]);
    expect(JSON.parse(json.stdout).map((d: { id: string }) => d.id)).toEqual(expected);
    const human = plain((await errsig(["--all", ranked])).stdout);
    if (expected.length > 1) expect(human).toMatch(new RegExp(`Other candidates\\n {2}2\\. ${expected[1]!.replace("/", "\\/")} `));
  });

  it("--tool passes the hint to the ranking", async () => {
    const cases = devCases().filter((c) => c.expected && c.tool);
    const hinted = cases.find((c) => diagnose(c.text, { tool: c.tool })?.id !== diagnose(c.text)?.id);
    if (!hinted) return; // no case in today's catalog where the hint changes the answer
    const r = await errsig(["--json", "--tool", hinted.tool!, hinted.text]);
    expect(JSON.parse(r.stdout)?.id).toBe(diagnose(hinted.text, { tool: hinted.tool })?.id);
  });

  it("exits 1 when nothing matched, says so and suggests errsig search", async () => {
    const r = await errsig(["the coffee machine is out of beans"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/No known error matched/);
    expect(r.stdout).toMatch(/errsig search "the coffee machine is out of beans"/);
    const json = await errsig(["--json", "the coffee machine is out of beans"]);
    expect(json).toMatchObject({ code: 1, stdout: "null\n" });
  });

  it("never prints a secret from the input in its evidence", async () => {
    const key = "sk-ant-api03-" + "A".repeat(40);
    const r = await errsig([`${text} ${key}`]);
    expect(r.stdout).not.toContain(key);
  });
});

describe("bad input: one line on stderr, exit 2", () => {
  it.each([
    ["a missing file", ["--file", "/nonexistent/error.txt"], undefined, /no such file/],
    ["a directory", ["--file", tmpdir()], undefined, /is a directory/],
    ["binary stdin", [], Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0x00]), /binary/],
    ["an empty stdin", [], "", /stdin is empty/],
    ["whitespace on stdin", [], "  \n\n", /empty/],
    ["an unknown option", ["--frobnicate"], undefined, /unknown option '--frobnicate'/],
    ["an unknown option of a command", ["list", "--frobnicate"], undefined, /unknown option '--frobnicate'/],
    ["a missing argument", ["show"], undefined, /missing required argument 'id'/],
    ["an unknown signature id", ["show", "nope/nothing"], undefined, /no signature "nope\/nothing"/],
    ["an unknown tool", ["list", "--tool", "nope"], undefined, /unknown tool "nope"/],
    ["an unknown category", ["list", "--category", "nope"], undefined, /unknown category "nope"/],
    ["a bad search limit", ["search", "login", "--limit", "x"], undefined, /--limit must be/],
    ["a missing --signatures folder", ["--signatures", "/nonexistent/sigs", "list"], undefined, /no such file or folder/],
  ])("%s", async (_name, args, input, message) => {
    expectUsageError(await errsig(args as string[], { input: input as string | Buffer | undefined }), message);
  });

  it("nothing given and stdin a terminal: says how to give input instead of waiting", () => {
    // `script` runs the bin on a pseudo-terminal; with -e its exit code is the bin's.
    const r = spawnSync("script", ["-qec", `${process.execPath} ${BIN}`, "/dev/null"], { encoding: "utf8", input: "" });
    expect(r.status).toBe(2);
    expect(r.stdout.trim()).toMatch(/^errsig: no input: give the error text as arguments, with --file PATH, or on stdin/);
  });

  it("a binary file", async () => {
    const file = join(tmp(), "core.bin");
    writeFileSync(file, Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    expectUsageError(await errsig(["--file", file]), /binary/);
  });
});

describe("--debug", () => {
  it("is accepted everywhere and changes nothing when all goes well", async () => {
    const a = await errsig([text]);
    const b = await errsig(["--debug", text]);
    expect(b).toEqual(a);
  });
  it("still prints one line for a user error", async () => {
    expectUsageError(await errsig(["--debug", "--file", "/nonexistent/x"]), /no such file/);
  });
});

describe("colour", () => {
  const esc = /\x1b\[/;
  it("none when stdout is not a terminal", async () => {
    expect((await errsig([text])).stdout).not.toMatch(esc);
  });
  it("on with FORCE_COLOR, off again with NO_COLOR or --no-color", async () => {
    const forced = await errsig([text], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(esc);
    expect(plain(forced.stdout)).toContain(`id: ${id}`);
    expect((await errsig([text], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } })).stdout).not.toMatch(esc);
    expect((await errsig(["--no-color", text], { env: { FORCE_COLOR: "1" } })).stdout).not.toMatch(esc);
  });
  it("highlights the matched part in colour instead of »…«", async () => {
    const forced = await errsig([text], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).not.toContain("»");
  });
});

describe("errsig list, show, search", () => {
  it("list filters by tool and category", async () => {
    const tool = id.split("/")[0]!;
    const category = getSignature(id)!.category;
    const r = await errsig(["list", "--tool", tool, "--json"]);
    const list = JSON.parse(r.stdout) as { id: string; tool: string; category: string }[];
    expect(r.code).toBe(0);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => s.tool === tool)).toBe(true);
    expect(list.map((s) => s.id)).toContain(id);
    const both = JSON.parse((await errsig(["list", "--tool", tool, "--category", category, "--json"])).stdout) as { category: string }[];
    expect(both.every((s) => s.category === category)).toBe(true);
    const human = await errsig(["list", "--tool", tool]);
    expect(plain(human.stdout)).toContain(`${id}\n    `);
    expect(tooWide(human.stdout)).toEqual([]);
  });

  it("show prints the whole troubleshooting page", async () => {
    const s = getSignature(id)!;
    const r = await errsig(["show", id]);
    expect(r.code).toBe(0);
    const out = plain(r.stdout);
    for (const section of ["Error", "What it means", "Why it happens", "Causes", "Fixes", "Sources"]) expect(out).toContain(`\n${section}\n`);
    if (s.prevention.length) expect(out).toContain("\nPrevention\n");
    if (s.faq.length) expect(out).toContain("\nFAQ\n");
    expect(out).toContain(s.sources[0]!.url);
    expect(tooWide(r.stdout)).toEqual([]);
    expect(JSON.parse((await errsig(["show", id, "--json"])).stdout).id).toBe(id);
  });

  it("search finds a signature by its title's words", async () => {
    const title = getSignature(id)!.title;
    const r = await errsig(["search", "--json", title]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }[]).slice(0, 5).map((h) => h.id)).toContain(id);
    const human = await errsig(["search", title, "--limit", "3"]);
    expect(plain(human.stdout).split("\n").filter((l) => /^\d\.\d\d {2}/.test(l))).toHaveLength(3);
  });

  it("search --tool keeps that tool's signatures only", async () => {
    const tool = id.split("/")[0]!;
    const r = await errsig(["search", "--json", "--tool", tool, "error"]);
    const hits = JSON.parse(r.stdout) as { tool: string }[];
    expect(hits.every((h) => h.tool === tool)).toBe(true);
  });

  it("search exits 1 when nothing matches", async () => {
    const r = await errsig(["search", "xyzzyplugh"]);
    expect(r.code).toBe(1);
  });
});

describe("--signatures DIR adds a custom catalog to every command", () => {
  it("diagnose, list, show and search see the custom signature", async () => {
    const dir = tmp();
    writeSignature(dir, customSignature());
    const error = "AcmeAgentError: frobnication quota exhausted (workspace default)";
    expect((await errsig([error])).code).toBe(1);
    const r = await errsig(["--signatures", dir, "--json", error]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe("acme-agent/quota-frobnicated");
    // After the command too, and repeatable.
    const other = tmp();
    writeSignature(other, customSignature("acme-agent/other-thing"));
    const list = await errsig(["list", "--tool", "acme-agent", "--json", "--signatures", dir, "--signatures", other]);
    expect((JSON.parse(list.stdout) as { id: string }[]).map((s) => s.id)).toEqual(["acme-agent/other-thing", "acme-agent/quota-frobnicated"]);
    expect((await errsig(["show", "acme-agent/quota-frobnicated", "--signatures", dir])).code).toBe(0);
    expect(plain((await errsig(["search", "frobnication quota", "--signatures", dir])).stdout)).toContain("acme-agent/quota-frobnicated");
    // Builtin signatures are still there.
    expect(JSON.parse((await errsig(["--signatures", dir, "--json", text])).stdout).id).toBe(id);
  });

  it("an invalid custom file stops the command with a pointer to validate", async () => {
    const dir = tmp();
    writeSignature(dir, { ...customSignature(), title: 1 });
    expectUsageError(await errsig(["--signatures", dir, "list"]), /\$\.title: .*errsig validate/);
  });
});

describe("errsig new", () => {
  it("writes a ready-to-fill file with $schema, then refuses to overwrite it", async () => {
    const cwd = tmp();
    const r = await errsig(["new", "my-tool/rate-limit-429"], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${join("signatures", "my-tool", "rate-limit-429.json")}\n`);
    const json = JSON.parse(readFileSync(join(cwd, "signatures/my-tool/rate-limit-429.json"), "utf8"));
    expect(json).toMatchObject({ $schema: expect.stringMatching(/schema\.json$/), id: "my-tool/rate-limit-429", tool: "my-tool" });
    expectUsageError(await errsig(["new", "my-tool/rate-limit-429"], { cwd }), /already exists/);
  });

  it("uses ../schema.json inside a folder that has the schema, and --dir", async () => {
    const cwd = tmp();
    writeFileSync(join(cwd, "schema.json"), "{}");
    const r = await errsig(["new", "t/x", "--dir", "."], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "t/x.json"), "utf8")).$schema).toBe("../schema.json");
  });

  it.each(["nope", "Bad/Id", "a/b/c", "a/-b"])("rejects the id %s", async (bad) => {
    expectUsageError(await errsig(["new", bad], { cwd: tmp() }), /not TOOL\/SLUG/);
  });
});
