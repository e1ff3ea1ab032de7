import { defineConfig } from "tsup";
import { base } from "../../tsup.base.js";

// One config: the library (index) and the executable (bin). tsup keeps bin.ts's shebang and marks
// the output executable. The bin also gets a CJS copy, the price of not racing two parallel
// configs over one `clean`ed dist folder. Declarations only for the library entry.
export default defineConfig({
  ...base,
  entry: { index: "src/index.ts", bin: "src/bin.ts" },
  dts: { entry: { index: "src/index.ts" } },
  platform: "node",
});
