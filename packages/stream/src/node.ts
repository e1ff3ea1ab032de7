import { Transform, type TransformCallback } from "node:stream";
import type { Diagnosis } from "@errsig/core";
import type { ErrsigAnnotation } from "./_annotation.js";
import { Collector } from "./_collect.js";
import { Engine, type StreamStats } from "./_engine.js";
import { resolveOptions, type DiagnoseStreamOptions } from "./_options.js";

/**
 * Node `Transform` that annotates diagnosed events. Emits `"diagnosis"` (annotation, diagnosis) once
 * per new diagnosis. Backpressure is Node's own: everything a chunk produces is pushed before its
 * callback, so a slow reader stops the writer.
 */
export class DiagnoseStream extends Transform {
  private readonly engine: Engine;
  private readonly collector = new Collector();
  private inside = false;
  private readonly objects: boolean;

  constructor(options?: DiagnoseStreamOptions) {
    const resolved = resolveOptions(options);
    super({ readableObjectMode: resolved.objectMode, writableObjectMode: resolved.objectMode });
    this.objects = resolved.objectMode;
    const user = resolved.onDiagnosis;
    resolved.onDiagnosis = (a: ErrsigAnnotation, d: Diagnosis) => {
      user?.(a, d);
      this.emit("diagnosis", a, d);
    };
    this.engine = new Engine(resolved, (piece) => {
      if (this.objects) this.push(piece);
      else if (this.inside) this.collector.add(piece as Uint8Array);
      else if (!this.destroyed) this.push(piece); // the idle timer closed an event between chunks
    });
  }

  /** A snapshot: lines, bytes, events, diagnosed, per-id counts. */
  stats(): StreamStats {
    return this.engine.stats();
  }

  private run(step: () => void, callback: TransformCallback): void {
    this.inside = true;
    try {
      step();
    } catch (e) {
      this.inside = false;
      callback(e as Error);
      return;
    } finally {
      this.inside = false;
    }
    const out = this.collector.take();
    if (out) this.push(out);
    callback();
  }

  override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.run(() => (this.objects ? this.engine.writeItem(chunk) : this.engine.writeBytes(chunk as Uint8Array)), callback);
  }

  override _flush(callback: TransformCallback): void {
    this.run(() => this.engine.end(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.engine.close();
    callback(error);
  }
}

/** A Node `Transform` (byte mode by default, `objectMode: true` for records). */
export function createDiagnoseStream(options?: DiagnoseStreamOptions): DiagnoseStream {
  return new DiagnoseStream(options);
}
