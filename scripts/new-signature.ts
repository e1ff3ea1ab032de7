// `pnpm new:signature <tool>/<slug>`: writes a ready-to-fill signature file with `$schema`.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SIGNATURES_DIR } from "./lib/load-signatures.js";

const id = process.argv.slice(2).find((a) => a !== "--") ?? "";
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
  console.error("usage: pnpm new:signature <tool>/<slug>   (kebab-case, e.g. claude-code/oauth-token-expired)");
  process.exit(2);
}
const [tool, slug] = id.split("/") as [string, string];
const file = join(SIGNATURES_DIR, tool, `${slug}.json`);
if (existsSync(file)) {
  console.error(`${file} already exists`);
  process.exit(2);
}
const today = new Date().toISOString().slice(0, 10);
const template = {
  $schema: "../schema.json",
  id,
  tool,
  category: "auth",
  title: "TODO: one line naming the root cause",
  message: "TODO: the error text exactly as the tool prints it",
  summary: "TODO: what it means, in one or two sentences.",
  why: "TODO: the mechanism behind the error.",
  causes: ["TODO: most common cause"],
  fixes: [{ title: "TODO: what to do", command: "TODO: the exact command" }],
  prevention: [],
  sources: [{ url: "https://github.com/OWNER/REPO/issues/NUMBER", title: "TODO", state: "open" }],
  related: [],
  keywords: [],
  updated: today,
  match: { all: [{ name: "canonical-message", regex: "TODO: distinctive phrase", weight: 2 }], any: [], none: [] },
  examples: [{ text: "TODO: real error text copied from the thread", source: "https://github.com/OWNER/REPO/issues/NUMBER" }],
  counterexamples: [],
};
mkdirSync(join(SIGNATURES_DIR, tool), { recursive: true });
writeFileSync(file, `${JSON.stringify(template, null, 2)}\n`);
console.log(`wrote ${file}\nfill in the TODOs, then run: pnpm validate ${file}`);
