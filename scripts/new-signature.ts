// `pnpm new:signature <tool>/<slug>`: writes a ready-to-fill signature file with `$schema`, using
// the same template as `errsig new`.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { template } from "../packages/cli/src/commands/new.js";
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
mkdirSync(join(SIGNATURES_DIR, tool), { recursive: true });
writeFileSync(file, `${JSON.stringify(template(id, "../schema.json", new Date().toISOString().slice(0, 10)), null, 2)}\n`);
console.log(`wrote ${file}\nfill in the TODOs, then run: pnpm validate ${file}`);
