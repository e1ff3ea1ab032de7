import type { Options } from "tsup";

/** Shared build shape for every package: ESM + CJS, declarations, Node 20 target. Kept small so a move off tsup is one file. */
export const base: Options = {
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "node20",
  treeshake: true,
  splitting: false,
};
