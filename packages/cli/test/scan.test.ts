import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildLog, expectedFindings, loghubLines, plantableCases, type Plant } from "../../stream/test/_corpus.js";
import { BIN, errsig, expectUsageError, plain, tooWide } from "./_run.js";

// A real multi-megabyte log: the loghub samples three times over, with real error texts from the
// dev corpus planted every 150 lines (one of them twice).
let dir: string;
let log: string;
let clean: string;
let plants: Plant[];
let want: ReturnType<typeof expectedFindings>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "errsig-scan-"));
  const loghub = loghubLines();
  const built = buildLog([...loghub, ...loghub, ...loghub], await plantableCases(80), 150);
  plants = built.plants;
  want = expectedFindings(plants);
  log = join(dir, "app.log");
  writeFileSync(log, built.text);
  clean = join(dir, "clean.log");
  writeFileSync(clean, `${loghub.join("\n")}\n`);
});

interface Finding {
  file: string;
  id: string;
  count: number;
  firstLine: number;
  lastLine: number;
  evidence: { line: number; text: string };
}

describe("errsig scan", () => {
  it("the log is multi-megabyte and has enough planted errors", () => {
    expect(statSync(log).size).toBeGreaterThan(5 * 1024 * 1024);
    expect(plants.length).toBeGreaterThanOrEqual(20);
  });

  it("--json finds each planted error with the right line numbers and count, and nothing else", async () => {
    const r = await errsig(["scan", "--json", log]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(""); // no progress bar: stderr is not a terminal
    const doc = JSON.parse(r.stdout) as { files: { file: string; lines: number; findings: Finding[] }[] };
    expect(doc.files).toHaveLength(1);
    const got = new Map(doc.files[0]!.findings.map((f) => [f.id, { count: f.count, firstLine: f.firstLine, lastLine: f.lastLine }]));
    expect(got).toEqual(want);
    // Most frequent first.
    const counts = doc.files[0]!.findings.map((f) => f.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The evidence excerpt is from the reported line of the file.
    const lines = readFileSync(log, "utf8").split("\n");
    for (const f of doc.files[0]!.findings) {
      const first = f.evidence.text.split(" … ")[0]!.replace(/\s+/g, " ").slice(0, 20);
      const around = lines.slice(f.evidence.line - 1, f.evidence.line + 3).join(" ").replace(/\s+/g, " ");
      expect(around).toContain(first);
    }
  });

  it("prints each distinct error once for a person, most frequent first, within 80 columns", async () => {
    const r = await errsig(["scan", log]);
    expect(r.code).toBe(0);
    const out = plain(r.stdout);
    expect(out).toMatch(new RegExp(`^${log.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: [\\d,]+ lines, ${want.size} distinct errors`));
    for (const [id, w] of want) {
      const at = out.indexOf(` ${id} `);
      expect(at).toBeGreaterThan(0);
      const block = out.slice(at, at + 400);
      expect(block).toContain(w.count === 1 ? `line ${w.firstLine.toLocaleString("en-US")}` : `lines ${w.firstLine.toLocaleString("en-US")} … ${w.lastLine.toLocaleString("en-US")}`);
    }
    expect(tooWide(r.stdout)).toEqual([]);
  });

  it("--ndjson prints one finding per line", async () => {
    const r = await errsig(["scan", "--ndjson", log]);
    const rows = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Finding);
    expect(rows.map((f) => f.id).sort()).toEqual([...want.keys()].sort());
    expect(rows.every((f) => f.file === log)).toBe(true);
  });

  it("reads stdin with -, and several files in one run", async () => {
    const r = await errsig(["scan", "--json", "-", clean], { input: readFileSync(log) });
    const doc = JSON.parse(r.stdout) as { files: { file: string; findings: Finding[] }[] };
    expect(doc.files.map((f) => f.file)).toEqual(["-", clean]);
    expect(doc.files[0]!.findings.map((f) => f.id).sort()).toEqual([...want.keys()].sort());
    expect(doc.files[1]!.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("--tool is passed to every diagnosis", async () => {
    const tool = [...want.keys()][0]!.split("/")[0]!;
    const r = await errsig(["scan", "--json", "--tool", tool, log]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { findings: Finding[] }[] }).files[0]!.findings.length).toBeGreaterThan(0);
  });

  it("exits 1 on a log with no known error", async () => {
    const r = await errsig(["scan", clean]);
    expect(r.code).toBe(1);
    expect(plain(r.stdout)).toMatch(/: [\d,]+ lines, 0 distinct errors/);
  });

  it.each([
    ["a missing file", () => ["scan", join(dir, "nope.log")], /no such file/],
    ["a directory", () => ["scan", dir], /is a directory/],
    ["no file at all", () => ["scan"], /missing required argument/],
  ])("refuses %s", async (_name, args, message) => {
    expectUsageError(await errsig(args()), message);
  });

  it("refuses binary and empty input", async () => {
    const bin = join(dir, "core.bin");
    writeFileSync(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1]));
    expectUsageError(await errsig(["scan", bin]), /binary/);
    expectUsageError(await errsig(["scan", "-"], { input: "" }), /stdin is empty/);
  });

  it("draws a progress bar on stderr when it is a terminal", () => {
    // `script` gives the command a pseudo-terminal, as a person's shell would.
    let out: string;
    try {
      out = execFileSync("script", ["-qec", `${process.execPath} ${BIN} scan --json ${log} >/dev/null`, "/dev/null"], { encoding: "utf8" });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? "");
    }
    expect(out).toMatch(/\[#+-*\] \d+% [\d.]+ MB\/[\d.]+ MB/);
  });
});
