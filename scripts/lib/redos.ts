// ReDoS safety of every regex in a set of signatures, with recheck (https://makenowjust-labs.github.io/recheck/).
// recheck reports bounded gaps such as `.{0,80}` as "polynomial"; those are linear in practice, so a
// polynomial verdict is confirmed by running the regex on recheck's own attack string scaled to the
// input cap: only a regex that is actually slow there is rejected. Exponential verdicts are rejected outright.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { check } from "recheck";
import type { Signature } from "../../packages/core/src/schema.js";
import type { Problem } from "./checks.js";

/** Time budget for one regex on a 32 KiB attack string: a bounded gap such as .{0,80} takes a few ms there, a quadratic pattern hundreds. */
const PRACTICAL_LIMIT_MS = 50;
const TARGET_LENGTH = 32 * 1024;

export interface RegexVerdict {
  safe: boolean;
  status: string;
  attack?: string;
  ms?: number;
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

export async function checkRegex(source: string): Promise<RegexVerdict> {
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

/** Verdicts are cached by pattern text so re-running validate only checks new or changed regexes. */
const CACHE = new URL("../../node_modules/.cache/errsig-redos.json", import.meta.url);
function loadCache(): Record<string, RegexVerdict> {
  try {
    return JSON.parse(readFileSync(CACHE, "utf8")) as Record<string, RegexVerdict>;
  } catch {
    return {};
  }
}
function saveCache(cache: Record<string, RegexVerdict>): void {
  try {
    mkdirSync(dirname(CACHE.pathname), { recursive: true });
    writeFileSync(CACHE, JSON.stringify(cache));
  } catch {
    // The cache is an optimisation only.
  }
}

/** Every regex of the signatures (matchers and extractors), checked a few at a time. */
export async function checkRegexSafety(signatures: Signature[]): Promise<Problem[]> {
  const jobs: { id: string; path: string; source: string }[] = [];
  for (const s of signatures) {
    for (const kind of ["all", "any", "none"] as const)
      s.match[kind].forEach((m, i) => m.regex && jobs.push({ id: s.id, path: `$.match.${kind}[${i}].regex`, source: m.regex }));
    s.extract.forEach((e, i) => jobs.push({ id: s.id, path: `$.extract[${i}].regex`, source: e.regex }));
  }
  const problems: Problem[] = [];
  const cache = loadCache();
  const batch = 8;
  for (let i = 0; i < jobs.length; i += batch) {
    const verdicts = await Promise.all(
      jobs.slice(i, i + batch).map(async (j) => (cache[j.source] ??= await checkRegex(j.source))),
    );
    verdicts.forEach((v, k) => {
      const job = jobs[i + k]!;
      if (!v.safe)
        problems.push({ id: job.id, check: "redos", message: `${job.path}: unsafe regex (${v.status}); attack string: ${v.attack}` });
    });
  }
  saveCache(cache);
  return problems;
}
