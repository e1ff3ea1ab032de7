import { defineConfig } from "tsup";
import { base } from "../../tsup.base.js";

export default defineConfig([
  // The WHATWG entry is built for a neutral platform so nothing Node-only can slip into it.
  { ...base, entry: { web: "src/web.ts" }, platform: "neutral" },
  { ...base, clean: false, entry: { index: "src/index.ts" }, platform: "node" },
  // pino require()s a transport from CommonJS and wants the function itself as module.exports.
  { ...base, clean: false, entry: { pino: "src/pino.ts" }, platform: "node", cjsInterop: true, splitting: true, treeshake: false },
]);
