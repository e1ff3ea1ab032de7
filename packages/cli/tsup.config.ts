import { defineConfig } from "tsup";
import { base } from "../../tsup.base.js";

export default defineConfig([
  { ...base, entry: { index: "src/index.ts" }, platform: "node" },
  // The bin: ESM only, keeps its shebang.
  { ...base, clean: false, entry: { cli: "src/cli.ts" }, format: ["esm"], dts: false, platform: "node" },
]);
