import { defineConfig } from "tsup";
import { base } from "../../tsup.base.js";

export default defineConfig([
  // shims: import.meta.url (used to find recheck's native binary) also works in the CJS build.
  { ...base, entry: { index: "src/index.ts" }, platform: "node", shims: true },
  // The bin: ESM only, keeps its shebang.
  { ...base, clean: false, entry: { cli: "src/cli.ts" }, format: ["esm"], dts: false, platform: "node" },
]);
