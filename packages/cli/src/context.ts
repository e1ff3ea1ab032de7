import { createDiagnoser, type Diagnoser, type Signature } from "@errsig/core";
import { colorsFor, type Colors } from "./color.js";
import { CliError } from "./errors.js";
import { loadCustomSignatures } from "./signature-files.js";
import { width } from "./wrap.js";

/** The global options every command takes. */
export interface GlobalOptions {
  signatures?: string[];
  color?: boolean;
  debug?: boolean;
}

/** What a command needs from the outside, resolved once from the global options. */
export interface Context {
  colors: Colors;
  cols: number;
  custom: Signature[];
  /** Built-in catalog plus every --signatures folder (custom ids replace built-in ones). */
  diagnoser(): Diagnoser;
  /** Writes the result to stdout (the only thing that goes there). */
  print(text: string): void;
}

export function contextFrom(options: GlobalOptions): Context {
  const custom = loadCustomSignatures(options.signatures ?? []);
  let diagnoser: Diagnoser | null = null;
  return {
    colors: colorsFor(process.stdout, options.color !== false),
    cols: width(),
    custom,
    diagnoser: () => {
      try {
        return (diagnoser ??= createDiagnoser(custom.length > 0 ? { signatures: custom } : {}));
      } catch (e) {
        // Custom signatures that are each valid can still conflict (the same id in two folders).
        throw new CliError(`${(e as Error).message.split("\n")[0]} (run: errsig validate ${(options.signatures ?? []).join(" ")})`);
      }
    },
    print: (text) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  };
}
