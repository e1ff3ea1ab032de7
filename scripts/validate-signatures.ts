// `pnpm validate [FILE…]`: schema, id = path, prefilter words, related ids, examples and
// counterexamples through the real matcher (ranked against the whole catalog). Exit 1 on any problem.
import { resolve } from "node:path";
import { catalogFromFiles } from "./lib/catalog-from-files.js";
import { checkExamples, checkPrefilter, checkRelated, checkUniqueIds, type Problem } from "./lib/checks.js";
import { checkRegexSafety } from "./lib/redos.js";

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
