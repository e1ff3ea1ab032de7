import { readFileSync } from "node:fs";
import { catalogFromFiles } from "./lib/catalog-from-files.js";
const { diagnoser } = catalogFromFiles();
const lines = readFileSync(process.argv[2]!, "utf8").split("\n").filter((l) => l.trim());
for (const l of lines) {
  const c = JSON.parse(l);
  const all = diagnoser.diagnoseAll(c.text);
  const top = all[0];
  const ok = c.expected === null ? !top : top?.id === c.expected;
  console.log(`${ok ? "OK  " : "FAIL"} exp=${c.expected} got=${top ? `${top.id}(${top.score},${top.matchedBy})` : "none"} ${all.slice(1,3).map((d) => `${d.id}(${d.score})`).join(" ")} :: ${c.text.slice(0, 90).replace(/\n/g, "\\n")}`);
}
