// ReDoS checks for `pnpm validate` and the catalog test: the same judge as `errsig validate`
// (packages/cli/src/redos.ts), plus a cache of verdicts so re-runs only check new or changed regexes.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { checkRegexes, regexJobs, type RegexVerdict } from "../../packages/cli/src/redos.js";
import type { Signature } from "../../packages/core/src/schema.js";
import type { Problem } from "./checks.js";

export { checkRegex } from "../../packages/cli/src/redos.js";

const CACHE = new URL("../../node_modules/.cache/errsig-redos-v2.json", import.meta.url);

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

/** Every regex of the signatures (matchers and extractors); unsafe ones become problems with the attack string. */
export async function checkRegexSafety(signatures: Signature[], options: { cache?: boolean } = {}): Promise<Problem[]> {
  process.env.RECHECK_BACKEND ??= "native";
  const cache = options.cache === false ? {} : loadCache();
  const results = await checkRegexes(regexJobs(signatures), cache);
  if (options.cache !== false) saveCache(cache);
  return results
    .filter(({ verdict }) => !verdict.safe)
    .map(({ job, verdict }) => ({ id: job.id, check: "redos", message: `${job.path}: unsafe regex (${verdict.status}); attack string: ${verdict.attack}` }));
}
