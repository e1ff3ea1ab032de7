// `pnpm validate [FILE…]`: schema, id = path, prefilter words, related ids, examples and
// counterexamples through the real matcher (ranked against the whole catalog). Exit 1 on any problem.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { catalogFromFiles } from "./lib/catalog-from-files.js";
import { checkExamples, checkPrefilter, checkRelated, checkUniqueIds, type Problem } from "./lib/checks.js";
import { ROOT } from "./lib/load-signatures.js";

// The ReDoS judge is shared with `errsig validate` and imports the built core: build it once if needed.
if (!existsSync(resolve(ROOT, "packages/core/dist/index.js"))) {
  console.error("validate: building @errsig/core first (needed by the ReDoS checker)…");
  const built = spawnSync("pnpm", ["--filter", "@errsig/core", "build"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) {
    console.error("validate: could not build @errsig/core; run `pnpm build` and fix what it reports");
    process.exit(2);
  }
}
const { checkRegexSafety } = await import("./lib/redos.js");

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const only = new Set(args.map((a) => resolve(a)));
const all = catalogFromFiles();
const selected = all.loaded.filter((l) => only.size === 0 || only.has(resolve(l.file)));
const signatures = selected.map((l) => l.signature);
const known = new Set(all.signatures.map((s) => s.id));
// With files named, report load errors of those files only.
const fileErrors = all.errors.filter((e) => only.size === 0 || [...only].some((f) => resolve(e.split(":")[0] ?? "") === f));

// Unknown related ids are warnings while the catalog is being filled; --strict makes them errors.
const related = checkRelated(signatures, known);
const strict = process.argv.includes("--strict");
const problems: Problem[] = [
  ...checkUniqueIds(all.signatures),
  ...checkPrefilter(signatures),
  ...(strict ? related : []),
  ...(await checkRegexSafety(signatures)),
];
problems.push(...checkExamples(signatures, all.diagnoser));

if (!strict) for (const p of related) console.error(`warning: ${p.id}: [${p.check}] ${p.message}`);
for (const e of fileErrors) console.error(e);
for (const p of problems) console.error(`${p.id}: [${p.check}] ${p.message}`);
const bad = fileErrors.length + problems.length;
console.log(`${selected.length} signature(s) checked, ${bad} problem(s)`);
process.exit(bad > 0 ? 1 : 0);
