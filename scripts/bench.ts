// `pnpm bench`: speed and size figures, printed, never asserted.
// Side by side in one process on the same lines:
//   errsig diagnose() · the naive loop (every regex of the catalog on every line) · fuse.js alone ·
//   the floor (one case-insensitive regex pass per line) · errsig with the catalog cloned ×10 / ×50 ·
//   cold start (import + first diagnose) · the built core's size, raw and gzip, with and without the catalog.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Fuse from "fuse.js";
import { catalog, createDiagnoser, matcherWords, type Signature } from "@errsig/core";
import { ROOT } from "./lib/load-signatures.js";

const SHARED = join(ROOT, "..", "shared", "corpora");
if (!existsSync(SHARED)) {
  console.error(`bench: ${SHARED} not found`);
  process.exit(2);
}
const quick = process.argv.includes("--quick");

const logLines = readdirSync(join(SHARED, "loghub"))
  .filter((f) => f.endsWith(".log"))
  .flatMap((f) => readFileSync(join(SHARED, "loghub", f), "utf8").split("\n"))
  .filter(Boolean);
const devTexts = readFileSync(join(SHARED, "errors/dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

/** Runs `fn` over `lines` repeatedly for at least `ms`, returns lines per second (best of 3 rounds). */
function rate(lines: string[], fn: (line: string) => unknown, ms = quick ? 300 : 1500): number {
  for (let i = 0; i < Math.min(lines.length, 2000); i++) fn(lines[i]!); // warm up
  let best = 0;
  for (let round = 0; round < 3; round++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      for (const line of lines) fn(line);
      n += lines.length;
      elapsed = performance.now() - start;
    } while (elapsed < ms);
    best = Math.max(best, (n * 1000) / elapsed);
  }
  return best;
}

function allRegexes(signatures: readonly Signature[]): RegExp[] {
  const out: RegExp[] = [];
  for (const s of signatures)
    for (const m of [...s.match.all, ...s.match.any, ...s.match.none])
      out.push(new RegExp(m.regex ?? m.literal!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"));
  return out;
}

/** Clone the catalog `k` times with synthetic ids and mutated literal words (5+ letters get a suffix). */
function cloned(times: number): Signature[] {
  const out: Signature[] = [...catalog];
  for (let k = 1; k < times; k++) {
    const suffix = `q${k.toString(36)}`;
    const mutate = (src: string) => src.replace(/(?<![\\(?<])\b([a-z]{5,})\b/gi, `$1${suffix}`);
    for (const s of catalog) {
      const mm = (m: Signature["match"]["all"][number]) =>
        m.regex !== undefined ? { ...m, regex: mutate(m.regex) } : { ...m, literal: mutate(m.literal!) };
      out.push({
        ...s,
        id: `${s.id}-clone-${k}`,
        match: { ...s.match, all: s.match.all.map(mm), any: s.match.any.map(mm), none: s.match.none.map(mm) },
      });
    }
  }
  return out;
}

/** The bundle with one generated string constant emptied (esbuild may quote it with ", ' or `). */
function withoutConstant(source: string, name: string): string {
  const at = source.indexOf(`${name} = `);
  if (at < 0) return source;
  const open = at + name.length + 3;
  const quote = source[open] as string;
  let i = open + 1;
  while (i < source.length && source[i] !== quote) i += source[i] === "\\" ? 2 : 1;
  return `${source.slice(0, open)}"[]"${source.slice(i + 1)}`;
}

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));
const rows: [string, string, string][] = [];
const row = (name: string, value: string, note = "") => {
  rows.push([name, value, note]);
  console.log(`  ${name.padEnd(44)} ${value.padStart(14)}  ${note}`);
};

console.log(`errsig bench — node ${process.version}, ${cpus()[0]?.model ?? "cpu"} ×${cpus().length}`);
console.log(`catalog: ${catalog.length} signatures, ${allRegexes(catalog).length} regexes; loghub: ${logLines.length} lines; dev: ${devTexts.length} texts\n`);

const errsig = createDiagnoser();
errsig.diagnose("warm up the compiled catalog");
const regexes = allRegexes(catalog);
const naive = (line: string) => {
  let hits = 0;
  for (const re of regexes) if (re.test(line)) hits++;
  return hits;
};
// Two floors. The literal one is V8's Boyer-Moore skip search: it looks at a fraction of the
// characters and is the absolute lower bound of any scan. The vocabulary one is one case-insensitive
// regex pass looking for the catalog's words (every anchor word in one alternation): the same
// question the prefilter answers, asked with the engine's own machinery.
const floorRe = /invalid authentication credentials/i;
const floor = (line: string) => floorRe.test(line);
const vocabulary = [...new Set(catalog.flatMap((s) => [...s.match.all, ...s.match.any].flatMap((m) => matcherWords(m))))].sort(
  (a, b) => b.length - a.length,
);
const vocabRe = new RegExp(vocabulary.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "i");
const vocabFloor = (line: string) => vocabRe.test(line);

console.log("Loghub lines (text that matches nothing):");
const eLog = rate(logLines, (l) => errsig.diagnose(l));
const nLog = rate(logLines, naive);
const fLog = rate(logLines, floor);
row("errsig diagnose()", `${fmt(eLog)} lines/s`);
row("naive: every catalog regex on every line", `${fmt(nLog)} lines/s`, `errsig is ${(eLog / nLog).toFixed(0)}× faster (target ≥ 50×)`);
row("floor: one literal regex (Boyer-Moore skip)", `${fmt(fLog)} lines/s`, `errsig costs ${(fLog / eLog).toFixed(1)}× this floor`);
const vLog = rate(logLines, vocabFloor);
row("floor: one regex pass for the catalog's words", `${fmt(vLog)} lines/s`, `errsig costs ${(vLog / eLog).toFixed(2)}× this floor (target ≤ 5×)`);

const fuse = new Fuse(
  catalog.map((s) => ({ id: s.id, title: s.title, message: s.message })),
  { keys: ["title", "message"], ignoreLocation: true, threshold: 0.3, includeScore: true },
);
const fuseLines = logLines.slice(0, quick ? 200 : 1000);
const fuLog = rate(fuseLines, (l) => fuse.search(l.slice(0, 32)), quick ? 300 : 1000);
row("fuse.js alone over the catalog", `${fmt(fuLog)} lines/s`, `errsig is ${(eLog / fuLog).toFixed(0)}× faster`);

console.log("\nDev error texts (text that matches):");
const eDev = rate(devTexts, (t) => errsig.diagnose(t));
const nDev = rate(devTexts, naive);
const fDev = rate(devTexts, floor);
row("errsig diagnose()", `${fmt(eDev)} texts/s`);
row("naive: every catalog regex on every text", `${fmt(nDev)} texts/s`, `errsig is ${(eDev / nDev).toFixed(1)}× faster`);
row("floor: one case-insensitive regex pass", `${fmt(fDev)} texts/s`);

console.log("\nCatalog scale (loghub lines, synthetic clones with mutated literals):");
let base = 0;
for (const times of [1, 10, 50]) {
  const signatures = cloned(times);
  const t0 = performance.now();
  const big = createDiagnoser({ builtin: false, signatures }); // custom signatures compile at construction
  big.diagnose("compile");
  const compileMs = performance.now() - t0;
  const r = rate(logLines, (l) => big.diagnose(l));
  if (times === 1) base = r;
  row(
    `×${times} catalog (${signatures.length} signatures)`,
    `${fmt(r)} lines/s`,
    `${times === 1 ? "baseline" : `${(base / r).toFixed(2)}× the per-line cost of ×1${times === 10 ? " (target ≤ 2×)" : ""}`}; validate + compile ${compileMs.toFixed(0)} ms`,
  );
}

console.log("\nHostile input (ms per call; 1 MiB vs 2 MiB shows whether cost grows linearly):");
const seedLine = "API Error: 401 Invalid authentication credentials";
const hostile: [string, (n: number) => string][] = [
  ["one character repeated", (n) => "a".repeat(n)],
  ["backslashes", (n) => "\\".repeat(n)],
  ["deeply nested JSON", (n) => `${'{"error":'.repeat(n / 20)}"x"${"}".repeat(n / 20)}`],
  ["stack trace lines", (n) => "    at jF8 (file:///usr/lib/node_modules/@anthropic-ai/claude-code/cli.js:2710:1351)\n".repeat(n / 84)],
  ["near-miss catalog phrases", (n) => "API Error: 401 Invalid authentication ".repeat(n / 38)],
];
const huge = createDiagnoser({ maxInput: 4 * 1024 * 1024 }); // no sampling: measure the full scan
for (const [name, make] of hostile) {
  const one = make(1 << 20);
  const two = make(2 << 20);
  const ms = (text: string) => {
    const t = performance.now();
    huge.diagnoseAll(`${text}\n${seedLine}`);
    return performance.now() - t;
  };
  ms(one);
  const a = Math.min(ms(one), ms(one));
  const b = Math.min(ms(two), ms(two));
  row(name, `${a.toFixed(1)} / ${b.toFixed(1)} ms`, `2 MiB costs ${(b / a).toFixed(2)}× 1 MiB`);
}
const sampled = createDiagnoser();
const big64 = `${"a".repeat(64 << 20)}\n${seedLine}`;
sampled.diagnose("warm up");
const t0 = performance.now();
sampled.diagnose(big64);
row("64 MiB with the default 256 KiB cap (head+tail)", `${(performance.now() - t0).toFixed(1)} ms`);

console.log("\nCold start (fresh node process, median of 5):");
const coreEntry = join(ROOT, "packages/core/dist/index.js");
const time = (code: string) => {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
    samples.push(Number(out.trim()));
  }
  return samples.sort((a, b) => a - b)[2]!;
};
const importMs = time(`const t=performance.now(); await import(${JSON.stringify(coreEntry)}); console.log(performance.now()-t)`);
const firstMs = time(
  `const t=performance.now(); const m=await import(${JSON.stringify(coreEntry)}); m.diagnose("API Error: 401 Invalid authentication credentials"); console.log(performance.now()-t)`,
);
row("import @errsig/core", `${importMs.toFixed(1)} ms`);
row("import + first diagnose()", `${firstMs.toFixed(1)} ms`);

console.log("\nBuilt core size (packages/core/dist/index.js, zod and fuse.js not bundled):");
const code = readFileSync(coreEntry);
const withoutCatalog = Buffer.from(withoutConstant(code.toString("utf8"), "CATALOG_JSON"));
row("with the catalog", `${(code.length / 1024).toFixed(0)} KiB`, `gzip ${(gzipSync(code).length / 1024).toFixed(0)} KiB`);
row("without the catalog", `${(withoutCatalog.length / 1024).toFixed(0)} KiB`, `gzip ${(gzipSync(withoutCatalog).length / 1024).toFixed(0)} KiB`);

const streamBench = join(ROOT, "packages/stream/bench/throughput.ts");
if (existsSync(streamBench)) {
  console.log("\nStream adapter:");
  execFileSync(process.execPath, ["--import", "tsx", streamBench, ...(quick ? ["--quick"] : [])], { stdio: "inherit" });
}
