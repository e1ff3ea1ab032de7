// Writes signatures/schema.json from the zod SignatureSchema (the single source of truth).
// `--check` exits 1 when the committed file has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { signatureJsonSchema } from "./lib/json-schema.js";

const target = new URL("../signatures/schema.json", import.meta.url);
export const schemaText = `${JSON.stringify(signatureJsonSchema, null, 2)}\n`;

if (process.argv.includes("--check")) {
  if (readFileSync(target, "utf8") !== schemaText) {
    console.error("signatures/schema.json is out of date: run `pnpm schema`");
    process.exit(1);
  }
} else {
  writeFileSync(target, schemaText);
  console.log("wrote signatures/schema.json");
}
