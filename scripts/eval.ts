// `pnpm eval`: the catalog over the labelled dev corpus and the loghub system logs.
// Prints top-1 accuracy (without and with the tool hint), wrong answers, abstentions, silence on
// other tools' errors, false positives per 10,000 log lines, search top-5, a confidence calibration
// table, missing taxonomy ids, and the failing cases.
// Options: --tool T (only cases whose expected id is of tool T), --json, --quiet (no failure list).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogFromFiles } from "./lib/catalog-from-files.js";
import { ROOT } from "./lib/load-signatures.js";

const SHARED = join(ROOT, "..", "shared", "corpora");
if (!existsSync(SHARED)) {
  console.error(`eval: ${SHARED} not found (the shared corpora live beside the checkout)`);
  process.exit(2);
}

interface Case {
  id: string;
  text: string;
  expected: string | null;
  tool: string;
  url: string;
  title: string;
  accept?: string[];
}
interface TaxonomyEntry {
  id: string;
  tool: string;
  family: string[];
}

const argv = process.argv.slice(2);
const toolFilter = argv.includes("--tool") ? argv[argv.indexOf("--tool") + 1] : undefined;
const asJson = argv.includes("--json");
const quiet = argv.includes("--quiet");

const cases: Case[] = readFileSync(join(SHARED, "errors/dev.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);
const taxonomy = JSON.parse(readFileSync(join(SHARED, "errors/taxonomy.json"), "utf8")) as TaxonomyEntry[];
const family = new Map(taxonomy.map((t) => [t.id, new Set(t.family)]));

const { diagnoser, signatures, errors } = catalogFromFiles();
if (errors.length > 0) console.error(`eval: ${errors.length} signature file(s) skipped:\n  ${errors.join("\n  ")}`);
const present = new Set(signatures.map((s) => s.id));
const missing = taxonomy.filter((t) => !present.has(t.id)).map((t) => t.id);

const inScope = (c: Case) => (toolFilter ? c.expected?.startsWith(`${toolFilter}/`) : true);
const positives = cases.filter((c) => c.expected !== null && inScope(c));
const negatives = toolFilter ? [] : cases.filter((c) => c.expected === null);

/** Right without a hint: the expected id, an `accept` id, or a taxonomy family member. */
function rightNoHint(c: Case, got: string): boolean {
  if (got === c.expected) return true;
  if (c.accept?.includes(got)) return true;
  return family.get(c.expected as string)?.has(got) === true || family.get(got)?.has(c.expected as string) === true;
}

interface Failure {
  case: string;
  kind: "wrong" | "abstain" | "wrong-with-hint" | "false-claim";
  expected: string | null;
  got: string | null;
  confidence?: number;
  text: string;
}
const failures: Failure[] = [];
let right = 0;
let wrong = 0;
let abstain = 0;
let rightHint = 0;
let measurable = 0; // cases whose expected id exists in the catalog
const calibration = new Map<number, { n: number; right: number }>();

for (const c of positives) {
  if (!present.has(c.expected as string)) continue;
  measurable++;
  const got = diagnoser.diagnose(c.text);
  const snippet = c.text.slice(0, 160).replace(/\s+/g, " ");
  if (!got) {
    abstain++;
    failures.push({ case: c.id, kind: "abstain", expected: c.expected, got: null, text: snippet });
  } else {
    const ok = rightNoHint(c, got.id);
    const band = Math.min(9, Math.floor(got.confidence * 10));
    const cell = calibration.get(band) ?? { n: 0, right: 0 };
    cell.n++;
    if (ok) cell.right++;
    calibration.set(band, cell);
    if (ok) right++;
    else {
      wrong++;
      failures.push({ case: c.id, kind: "wrong", expected: c.expected, got: got.id, confidence: got.confidence, text: snippet });
    }
  }
  const hinted = diagnoser.diagnose(c.text, { tool: c.tool });
  if (hinted?.id === c.expected) rightHint++;
  else if (got && rightNoHint(c, got.id))
    failures.push({ case: c.id, kind: "wrong-with-hint", expected: c.expected, got: hinted?.id ?? null, text: snippet });
}

let falseClaims = 0;
for (const c of negatives) {
  const got = diagnoser.diagnose(c.text);
  if (got) {
    falseClaims++;
    failures.push({ case: c.id, kind: "false-claim", expected: null, got: got.id, confidence: got.confidence, text: c.text.slice(0, 160).replace(/\s+/g, " ") });
  }
}

// Search: the thread title should find the expected id in the top 5.
let searchHits = 0;
let searchTotal = 0;
for (const c of positives) {
  if (!present.has(c.expected as string)) continue;
  searchTotal++;
  if (diagnoser.search(c.title, { limit: 5 }).some((h) => h.id === c.expected || c.accept?.includes(h.id))) searchHits++;
}

// Loghub: every line on its own, as a log pipeline would call diagnose.
let logLines = 0;
const logFalse: { file: string; line: number; id: string; text: string }[] = [];
if (!toolFilter) {
  const dir = join(SHARED, "loghub");
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".log"))) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    lines.forEach((line, i) => {
      if (!line) return;
      logLines++;
      const got = diagnoser.diagnose(line);
      if (got) logFalse.push({ file, line: i + 1, id: got.id, text: line.slice(0, 160) });
    });
  }
}

const pct = (a: number, b: number) => (b === 0 ? "n/a" : `${((100 * a) / b).toFixed(1)}%`);
const summary = {
  signatures: signatures.length,
  taxonomyMissing: missing.length,
  devCases: positives.length,
  measurable,
  top1: measurable ? right / measurable : 0,
  top1WithHint: measurable ? rightHint / measurable : 0,
  wrong,
  abstain,
  otherToolsClaimed: falseClaims,
  otherToolsCases: negatives.length,
  searchTop5: searchTotal ? searchHits / searchTotal : 0,
  logLines,
  logFalsePositives: logFalse.length,
  falsePositivesPer10k: logLines ? (logFalse.length * 10000) / logLines : 0,
};

if (asJson) {
  console.log(JSON.stringify({ summary, failures, logFalse, missing }, null, 2));
} else {
  if (!quiet) {
    for (const f of failures)
      console.log(`  ${f.kind.padEnd(15)} ${f.case}\n${"".padEnd(18)}expected ${f.expected ?? "nothing"}, got ${f.got ?? "nothing"}${f.confidence !== undefined ? ` (${f.confidence})` : ""}\n${"".padEnd(18)}${f.text}`);
    for (const f of logFalse.slice(0, 30)) console.log(`  log-false      ${f.file}:${f.line} → ${f.id}\n${"".padEnd(18)}${f.text}`);
    if (missing.length > 0) console.log(`\nMissing taxonomy ids (${missing.length}): ${missing.slice(0, 40).join(" ")}${missing.length > 40 ? " …" : ""}`);
    console.log("\nCalibration (confidence band → share right):");
    for (const band of [...calibration.keys()].sort()) {
      const c = calibration.get(band)!;
      console.log(`  ${(band / 10).toFixed(1)}–${((band + 1) / 10).toFixed(1)}  ${String(c.n).padStart(4)} answers  ${pct(c.right, c.n)} right`);
    }
  }
  console.log(`\nerrsig eval${toolFilter ? ` (tool ${toolFilter})` : ""} — ${signatures.length} signatures, ${missing.length} taxonomy ids missing`);
  console.log(`  dev cases with a signature   ${measurable} of ${positives.length}`);
  console.log(`  top-1 (no hint)              ${pct(right, measurable)}  (${right})`);
  console.log(`  top-1 (with tool hint)       ${pct(rightHint, measurable)}  (${rightHint})`);
  console.log(`  wrong                        ${wrong}`);
  console.log(`  abstain                      ${abstain}`);
  if (!toolFilter) {
    console.log(`  other tools' errors claimed  ${falseClaims} of ${negatives.length}`);
    console.log(`  loghub false positives       ${logFalse.length} in ${logLines} lines (${summary.falsePositivesPer10k.toFixed(2)} per 10k)`);
  }
  console.log(`  search: title → top-5        ${pct(searchHits, searchTotal)}`);
}
