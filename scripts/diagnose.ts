// `pnpm diagnose "TEXT"` (or text on stdin): diagnose from source, straight from signatures/*.json,
// without building anything. The published way is the `errsig` CLI; this is for contributors.
import { readFileSync } from "node:fs";
import { catalogFromFiles } from "./lib/catalog-from-files.js";

const args = process.argv.slice(2).filter((a) => a !== "--");
const json = args.includes("--json");
const text = args.filter((a) => a !== "--json").join(" ") || (process.stdin.isTTY ? "" : readFileSync(0, "utf8"));
if (!text.trim()) {
  console.error('usage: pnpm diagnose "ERROR TEXT" [--json]   (or pipe the text on stdin)');
  process.exit(2);
}
const { diagnoser, errors } = catalogFromFiles();
for (const e of errors) console.error(`warning: skipped ${e}`);
const d = diagnoser.diagnose(text);
if (json) console.log(JSON.stringify(d, null, 2));
else if (!d) console.log("No diagnosis: nothing in the catalog explains this text.");
else {
  console.log(`${d.toolName} · ${d.category} · ${d.title}`);
  console.log(`confidence ${d.confidence} (${d.matchedBy})  id ${d.id}\n`);
  console.log(`${d.summary}\n`);
  d.fixes.forEach((f, i) => console.log(`${i + 1}. ${f.title}${f.command ? `\n     $ ${f.command}` : ""}`));
  console.log(`\nSources:\n${d.sources.map((s) => `  ${s.url}`).join("\n")}`);
  console.log(`\nEvidence:\n${d.evidence.map((e) => `  line ${e.line}: ${e.text}`).join("\n")}`);
}
process.exit(d ? 0 : 1);
