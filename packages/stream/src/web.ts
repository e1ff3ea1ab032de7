/**
 * The WHATWG entry (`@errsig/stream/web`): no Node imports, for Deno, Bun, edge runtimes and browsers.
 */
import { Collector } from "./_collect.js";
import { Engine, type StreamStats } from "./_engine.js";
import { resolveOptions, type DiagnoseStreamOptions } from "./_options.js";

export { scan, type ScanFinding, type ScanOptions, type ScanReport } from "./scan.js";
export { StreamOptionsError, DEFAULT_MESSAGE_FIELDS, type DiagnoseStreamOptions } from "./_options.js";
export type { ErrsigAnnotation } from "./_annotation.js";
export type { StreamStats } from "./_engine.js";

/** A TransformStream that annotates diagnosed events; `stats()` gives a snapshot of what it saw. */
export class DiagnoseTransformStream<I = Uint8Array | string, O = Uint8Array> extends TransformStream<I, O> {
  readonly stats: () => StreamStats;

  constructor(options?: DiagnoseStreamOptions) {
    const resolved = resolveOptions(options);
    const collector = new Collector();
    let controller: TransformStreamDefaultController<O> | null = null;
    let inside = false;
    const emit = (piece: unknown) => {
      if (inside && !resolved.objectMode) collector.add(piece as Uint8Array);
      else if (inside) controller?.enqueue(piece as O);
      else {
        // The idle timer closed an event between chunks; the stream may have been cancelled since.
        try {
          controller?.enqueue(piece as O);
        } catch {
          engine.close();
        }
      }
    };
    const engine = new Engine(resolved, emit);
    const run = (c: TransformStreamDefaultController<O>, step: () => void) => {
      inside = true;
      try {
        step();
      } finally {
        inside = false;
      }
      const out = collector.take();
      if (out) c.enqueue(out as O);
    };
    super({
      start(c) {
        controller = c;
      },
      transform(chunk, c) {
        run(c, () => (resolved.objectMode ? engine.writeItem(chunk) : engine.writeBytes(chunk as Uint8Array | string)));
      },
      flush(c) {
        run(c, () => engine.end());
      },
    });
    this.stats = () => engine.stats();
  }
}

/**
 * WHATWG `TransformStream` for Deno, Bun, edge runtimes and browsers. Byte mode (default): bytes or
 * strings in, bytes out, cut into lines; `objectMode: true`: one record per chunk.
 */
export function createDiagnoseTransformStream(options: DiagnoseStreamOptions & { objectMode: true }): DiagnoseTransformStream<unknown, unknown>;
export function createDiagnoseTransformStream(options?: DiagnoseStreamOptions): DiagnoseTransformStream<Uint8Array | string, Uint8Array>;
export function createDiagnoseTransformStream(options?: DiagnoseStreamOptions): DiagnoseTransformStream<unknown, unknown> {
  return new DiagnoseTransformStream<unknown, unknown>(options);
}
