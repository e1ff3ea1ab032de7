/**
 * pino transport: `pino.transport({ target: "@errsig/stream/pino", options })` writes every log line
 * to `destination` (fd 1 by default, or a file path) with an `errsig` field on the diagnosed ones.
 * As a step of a pino `pipeline`, pass `{ pipeline: true }` and it hands the annotated lines on.
 */
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";
import { pipeline, Transform } from "node:stream";
import build from "pino-abstract-transport";
import { createDiagnoseStream } from "./node.js";
import type { DiagnoseStreamOptions } from "./_options.js";

export interface PinoTransportOptions extends Omit<DiagnoseStreamOptions, "objectMode" | "diagnoser" | "formatAnnotation" | "onDiagnosis"> {
  /** File descriptor (1 = stdout, 2 = stderr) or file path to append to (default 1). Ignored with `pipeline`. */
  destination?: number | string;
  /** Create the destination's directory when missing. */
  mkdir?: boolean;
  /** Be a middle step of a pino `pipeline`: hand the annotated lines to the next target. */
  pipeline?: boolean;
}

function open(destination: number | string, mkdir: boolean): WriteStream {
  if (typeof destination === "number") return createWriteStream("", { fd: destination, autoClose: false });
  if (mkdir) mkdirSync(dirname(destination), { recursive: true });
  return createWriteStream(destination, { flags: "a" });
}

/** pino-abstract-transport splits the input into lines; the stream wants bytes with their newlines. */
const withNewlines = () =>
  new Transform({
    writableObjectMode: true,
    transform(line: string, _encoding, callback) {
      callback(null, `${line}\n`);
    },
  });

export default async function errsigTransport(options: PinoTransportOptions = {}) {
  const { destination = 1, mkdir = false, pipeline: asStep = false, ...rest } = options;
  // pino adds its own keys (`$context`, `pinoWillSendConfig`) to a transport's options; the stream
  // gets the rest, so a misspelt option still fails loudly.
  const streamOptions = Object.fromEntries(Object.entries(rest).filter(([key]) => !key.startsWith("$") && !key.startsWith("pino")));
  // Built before the worker starts reading, so a bad option fails the transport at start-up.
  const annotate = createDiagnoseStream(streamOptions);
  if (asStep)
    return build(
      (source) => pipeline(source, withNewlines(), annotate, () => {}),
      { parse: "lines", enablePipelining: true },
    );

  const out = open(destination, mkdir);
  // Settles once the destination has written everything. Not the pipeline's own callback: that
  // waits for the source to close, and the source's close is what waits for this.
  const written = new Promise<void>((resolve) => {
    out.once("finish", resolve);
    out.once("error", () => resolve());
  });
  return build(
    (source) => {
      pipeline(source, withNewlines(), annotate, out, () => {});
    },
    {
      parse: "lines",
      // Called when pino closes the transport: wait until every annotated line has been written.
      async close() {
        await written;
      },
    },
  );
}
