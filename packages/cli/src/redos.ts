// ReDoS safety of signature regexes, with recheck (https://makenowjust-labs.github.io/recheck/).
// Moved here from scripts/lib/redos.ts so `errsig validate` and `pnpm validate` judge alike.
// recheck reports bounded gaps such as `.{0,80}` as "polynomial"; those are linear in practice, so a
// polynomial verdict is confirmed by running the regex on recheck's own attack string scaled to the
// input cap: only a regex that is actually slow there is rejected. Exponential verdicts are rejected outright.
import { createRequire } from "node:module";
import type { Signature } from "@errsig/core";

/** Time budget for one regex on a 32 KiB attack string: a bounded gap such as .{0,80} takes a few ms there, a quadratic pattern hundreds. */
const PRACTICAL_LIMIT_MS = 50;
const TARGET_LENGTH = 32 * 1024;

export interface RegexVerdict {
  safe: boolean;
  status: string;
  attack?: string;
  ms?: number;
}

export interface RegexJob {
  id: string;
  /** JSON path of the regex in its signature, e.g. `$.match.all[0].regex`. */
  path: string;
  source: string;
}

function practicalTime(source: string, attack: string): number {
  const re = new RegExp(source, "gi");
  const text = attack.length >= TARGET_LENGTH ? attack : attack.repeat(Math.ceil(TARGET_LENGTH / Math.max(1, attack.length)));
  const start = performance.now();
  for (let hits = 0; hits < 8; hits++) {
    const m = re.exec(text);
    if (!m) break;
    if (m[0].length === 0) re.lastIndex++;
  }
  return performance.now() - start;
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
  const result = await check(source, "i", { timeout: 10000 });
  if (result.status === "safe") return { safe: true, status: "safe" };
  if (result.status === "unknown") return { safe: true, status: `unknown (${result.error.kind})` };
  const attack = result.attack.string;
  if (result.complexity.type === "exponential") return { safe: false, status: "exponential", attack: result.attack.pattern };
  const ms = practicalTime(source, attack);
  return ms > PRACTICAL_LIMIT_MS
    ? { safe: false, status: `polynomial (${ms.toFixed(0)} ms on a 32 KiB attack)`, attack: result.attack.pattern, ms }
    : { safe: true, status: "polynomial but bounded", ms };
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
  const batch = 8;
  for (let i = 0; i < jobs.length; i += batch) {
    const slice = jobs.slice(i, i + batch);
    const verdicts = await Promise.all(slice.map(async (j) => (cache[j.source] ??= await checkRegex(j.source))));
    verdicts.forEach((verdict, k) => out.push({ job: slice[k]!, verdict }));
  }
  return out;
}
