import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Colour only on a terminal, never with NO_COLOR (https://no-color.org) or --no-color;
 * FORCE_COLOR turns it on for a pipe (used by the tests).
 */
export function colorsFor(stream: { isTTY?: boolean }, flag: boolean, env: NodeJS.ProcessEnv = process.env): Colors {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== "";
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "";
  return pc.createColors(flag && !noColor && (force || stream.isTTY === true));
}
