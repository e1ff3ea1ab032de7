// ReDoS safety of signature regexes. The logic of scripts/lib/redos.ts (as of b61b9a1), moved here
// so `errsig validate` and `pnpm validate` judge alike:
//
// 1. recheck (https://makenowjust-labs.github.io/recheck/) analyses the pattern and, when it finds
//    a problem, gives an attack string.
// 2. recheck over-reports the bounded gaps signatures use on purpose (`.{0,300}` between two
//    phrases is linear for V8) and gives up ("unknown") on some of them. So every verdict other
//    than "safe" is settled by running the regex the way the matcher does, in a worker thread that
//    is killed after a deadline, on recheck's attack string and on hostile strings built from the
//    pattern's own words. Only a regex that is actually slow there is rejected.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { regexWords, type Signature } from "@errsig/core";

/**
 * The regex runs on hostile text of 64 KiB and of 256 KiB. Linear time grows 4× between the two,
 * quadratic 16×: the ratio tells them apart even on a loaded machine, where absolute times are
 * noisy. A regex is rejected when its time grows more than 10× and is not negligible, or when it
 * misses the deadline.
 */
const SMALL = 64 * 1024;
const LARGE = 256 * 1024;
const GROWTH_LIMIT = 10;
const NEGLIGIBLE_MS = 50;
const WORKER_DEADLINE_MS = 10_000;

export interface RegexVerdict {
  safe: boolean;
  status: string;
  attack?: string;
}

export interface RegexJob {
  id: string;
  /** JSON path of the regex in its signature, e.g. `$.match.all[0].regex`. */
  path: string;
  source: string;
}

/** Source of a worker that times `source` on each input the way the matcher runs it (global, case-insensitive, ≤ 8 hits). */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { source, seeds, small, large } = workerData;
const fit = (seed, n) => seed.repeat(Math.ceil(n / seed.length)).slice(0, n);
const run = (text) => {
  const re = new RegExp(source, "gi");
  const start = performance.now();
  for (let hits = 0; hits < 8; hits++) {
    const m = re.exec(text);
    if (!m) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  return performance.now() - start;
};
let worst = { small: 0, large: 0 };
for (const seed of seeds) {
  const a = Math.min(run(fit(seed, small)), run(fit(seed, small)));
  const b = Math.min(run(fit(seed, large)), run(fit(seed, large)));
  if (b > worst.large) worst = { small: a, large: b };
}
parentPort.postMessage(worst);
`;

interface Timing {
  small: number;
  large: number;
}

/** Worst timing of the regex over hostile inputs, or null when the worker misses its deadline. */
function practicalTiming(source: string, attack: string | undefined): Promise<Timing | null> {
  const words = regexWords(source);
  const seeds = [attack, `${words.join(" ")} `, words.join(""), `${words[0] ?? "a"} `, "a", " "].filter(
    (s): s is string => s !== undefined && s.length > 0,
  );
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { source, seeds, small: SMALL, large: LARGE } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve(null);
    }, WORKER_DEADLINE_MS);
    worker.once("message", (t: Timing) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(t);
    });
    worker.once("error", () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
}

/**
 * recheck's native binary (from the recheck-<os>-<arch> package) is much faster than its pure-JS
 * fallback and needs no Java; use it when it is installed and the user chose nothing else.
 */
function chooseBackend(): void {
  if (process.env.RECHECK_BACKEND) return;
  const os = ({ darwin: "macos", linux: "linux", win32: "windows" } as Record<string, string>)[process.platform];
  try {
    const require = createRequire(createRequire(import.meta.url).resolve("recheck"));
    require.resolve(`recheck-${os}-${process.arch}/package.json`);
    process.env.RECHECK_BACKEND = "native";
  } catch {
    process.env.RECHECK_BACKEND = "pure";
  }
}

export async function checkRegex(source: string): Promise<RegexVerdict> {
  chooseBackend();
  const { check } = await import("recheck");
  const result = await check(source, "i", { timeout: 2000, checker: "automaton" });
  if (result.status === "safe") return { safe: true, status: "safe" };
  const attack = result.status === "vulnerable" ? result.attack.string : undefined;
  const pattern = result.status === "vulnerable" ? result.attack.pattern : undefined;
  const kind = result.status === "vulnerable" ? result.complexity.type : `unknown: ${result.error.kind}`;
  const t = await practicalTiming(source, attack);
  const growth = t ? t.large / Math.max(t.small, 0.05) : Number.POSITIVE_INFINITY;
  if (!t || (growth > GROWTH_LIMIT && t.large > NEGLIGIBLE_MS))
    return {
      safe: false,
      status: `${kind}; ${t ? `${t.small.toFixed(0)} ms on 64 KiB, ${t.large.toFixed(0)} ms on 256 KiB of hostile text` : `over ${WORKER_DEADLINE_MS / 1000} s on hostile text`}`,
      attack: pattern ?? "text built from the pattern's own words",
    };
  return { safe: true, status: `${kind} per recheck, but linear in practice (${t.large.toFixed(1)} ms on 256 KiB)` };
}

/** Every regex of the signatures: matchers and extractors. */
export function regexJobs(signatures: readonly Signature[]): RegexJob[] {
  const jobs: RegexJob[] = [];
  for (const s of signatures) {
    for (const kind of ["all", "any", "none"] as const)
      s.match[kind].forEach((m, i) => m.regex && jobs.push({ id: s.id, path: `$.match.${kind}[${i}].regex`, source: m.regex }));
    s.extract.forEach((e, i) => jobs.push({ id: s.id, path: `$.extract[${i}].regex`, source: e.regex }));
  }
  return jobs;
}

/**
 * Checks regexes a few at a time. `cache` (pattern → verdict) lets a caller skip patterns it has
 * already judged; it is filled in place.
 */
export async function checkRegexes(jobs: RegexJob[], cache: Record<string, RegexVerdict> = {}): Promise<{ job: RegexJob; verdict: RegexVerdict }[]> {
  const out: { job: RegexJob; verdict: RegexVerdict }[] = [];
  const batch = 4;
  for (let i = 0; i < jobs.length; i += batch) {
    const slice = jobs.slice(i, i + batch);
    const verdicts = await Promise.all(slice.map(async (j) => (cache[j.source] ??= await checkRegex(j.source))));
    verdicts.forEach((verdict, k) => out.push({ job: slice[k]!, verdict }));
  }
  return out;
}
