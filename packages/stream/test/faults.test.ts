import { Writable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { createDiagnoseStream, createDiagnoseTransformStream, type DiagnoseStream } from "../src/index.js";
import { ANNOTATION_PREFIX, runNode, sampleErrors, streamOf, type Planted } from "./_corpus.js";

let err: Planted;
beforeAll(async () => {
  err = (await sampleErrors()).line;
});

const N = 1_000_000;
const MB = 1024 * 1024;
const LONG = new Set([250_000, 500_000, 750_000]);
const PLANT_EVERY = 100_000;

/** Line i of the hostile input, without its "\n"; deterministic so the consumer can check it. */
function lineAt(i: number): Buffer {
  if (LONG.has(i)) return Buffer.from(`${i === 500_000 ? `${err.case.text} ` : ""}${"x".repeat(MB)} ${i}`);
  if (i % PLANT_EVERY === 7) return Buffer.from(err.case.text);
  switch (i % 1000) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return Buffer.from(`{"msg": "broken json ${i}`);
    case 2:
      return Buffer.from(`2024-01-01 INFO crlf line ${i}\r`);
    case 3:
      return Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(` bad utf-8 ${i}`)]);
    case 4:
      return Buffer.from(`{"level":30,"msg":"ok ${i}"}`);
    default:
      return Buffer.from(`2024-01-01T00:00:00Z INFO request ${i} ok`);
  }
}
const plantedCount = Math.floor((N - 8) / PLANT_EVERY) + 1 + 1; // every 100k at 7, plus the long line at 500k

/** Writes the input in 64 KiB chunks, waiting for "drain" whenever the stream says so. */
async function produce(stream: NodeJS.WritableStream, maxBuffered: { value: number }, s: DiagnoseStream): Promise<void> {
  let pending: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    const chunk = Buffer.concat(pending);
    pending = [];
    size = 0;
    if (!stream.write(chunk)) await new Promise((r) => stream.once("drain", r));
    maxBuffered.value = Math.max(maxBuffered.value, s.readableLength + s.writableLength);
  };
  for (let i = 0; i < N; i++) {
    const line = lineAt(i);
    pending.push(line);
    size += line.length;
    if (i < N - 1) {
      pending.push(Buffer.from("\n"));
      size++;
    }
    if (size >= 65536) await flush();
  }
  await flush();
  stream.end();
}

/** A consumer that takes its time, and checks every line against the input as it goes. */
class CheckingConsumer extends Writable {
  next = 0;
  annotations = 0;
  mismatches: string[] = [];
  private carry: Buffer[] = [];
  private chunks = 0;

  constructor(private readonly s: DiagnoseStream, private readonly maxBuffered: { value: number }) {
    super({ highWaterMark: 1024 });
  }

  private check(line: Buffer): void {
    if (line.subarray(0, ANNOTATION_PREFIX.length).toString() === ANNOTATION_PREFIX) {
      this.annotations++;
      return;
    }
    const want = lineAt(this.next);
    if (!line.equals(want) && this.mismatches.length < 5)
      this.mismatches.push(`line ${this.next}: got ${JSON.stringify(line.subarray(0, 80).toString("latin1"))}`);
    this.next++;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, callback: () => void): void {
    this.maxBuffered.value = Math.max(this.maxBuffered.value, this.s.readableLength + this.s.writableLength);
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, nl);
      this.check(this.carry.length ? Buffer.concat([...this.carry, piece]) : piece);
      this.carry = [];
      start = nl + 1;
    }
    if (start < chunk.length) this.carry.push(chunk.subarray(start));
    // Slow: every chunk waits a turn of the event loop, every 50th a timer.
    if (++this.chunks % 50 === 0) setTimeout(callback, 1);
    else setImmediate(callback);
  }

  override _final(callback: () => void): void {
    if (this.carry.length) this.check(Buffer.concat(this.carry));
    callback();
  }
}

describe("hostile input through a slow consumer", () => {
  it(
    "1,000,000 lines (malformed JSON, empty, 1 MB, invalid UTF-8, CRLF) come out exactly once, in order",
    async () => {
      const s = createDiagnoseStream();
      const maxBuffered = { value: 0 };
      const consumer = new CheckingConsumer(s, maxBuffered);
      const done = new Promise<void>((resolve, reject) => {
        consumer.on("finish", resolve);
        consumer.on("error", reject);
        s.on("error", reject);
      });
      s.pipe(consumer);
      await produce(s, maxBuffered, s);
      await done;
      expect(consumer.mismatches).toEqual([]);
      expect(consumer.next).toBe(N);
      expect(consumer.annotations).toBe(plantedCount);
      expect(s.stats()).toMatchObject({ lines: N, diagnosed: plantedCount });
      // Backpressure held: what waits inside the stream stays near one long line plus the buffers,
      // however far the producer could have run ahead.
      expect(maxBuffered.value).toBeLessThan(4 * MB);
    },
    600_000,
  );
});

describe("hostile input through a slow reader of the WHATWG stream", () => {
  it(
    "1,000,000 lines come out exactly once, in order",
    async () => {
      const ts = createDiagnoseTransformStream();
      // The source is pulled: it only makes a chunk when the pipe asks, which is backpressure at work.
      let i = 0;
      const source = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (i >= N) return controller.close();
          const parts: Buffer[] = [];
          let size = 0;
          while (i < N && size < 65536) {
            const line = lineAt(i);
            parts.push(line, Buffer.from(i < N - 1 ? "\n" : ""));
            size += line.length + 1;
            i++;
          }
          controller.enqueue(Buffer.concat(parts));
        },
      });
      let next = 0;
      let annotations = 0;
      let carry: Buffer[] = [];
      const mismatches: string[] = [];
      const check = (line: Buffer) => {
        if (line.subarray(0, ANNOTATION_PREFIX.length).toString() === ANNOTATION_PREFIX) return void annotations++;
        if (!line.equals(lineAt(next)) && mismatches.length < 5) mismatches.push(`line ${next}`);
        next++;
      };
      let writes = 0;
      await source.pipeThrough(ts).pipeTo(
        new WritableStream<Uint8Array>(
          {
            async write(chunk) {
              const buf = Buffer.from(chunk);
              let start = 0;
              for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
                const piece = buf.subarray(start, nl);
                check(carry.length ? Buffer.concat([...carry, piece]) : piece);
                carry = [];
                start = nl + 1;
              }
              if (start < buf.length) carry.push(Buffer.from(buf.subarray(start)));
              await new Promise((r) => (++writes % 50 === 0 ? setTimeout(r, 1) : setImmediate(r)));
            },
            close() {
              if (carry.length) check(Buffer.concat(carry));
            },
          },
          { highWaterMark: 1 },
        ),
      );
      expect(mismatches).toEqual([]);
      expect(next).toBe(N);
      expect(annotations).toBe(plantedCount);
      expect(ts.stats()).toMatchObject({ lines: N, diagnosed: plantedCount });
    },
    600_000,
  );

  it("closes an open event after flushMs of silence", async () => {
    const ts = createDiagnoseTransformStream({ flushMs: 20 });
    const writer = ts.writable.getWriter();
    const reader = ts.readable.getReader();
    // Not awaited: the readable side has no buffer, so the write settles once someone reads.
    const written = writer.write(`${err.case.text}\n`);
    // Nothing more is written and the stream stays open: only the idle timer can emit the event.
    let text = "";
    while (!text.includes(ANNOTATION_PREFIX)) text += Buffer.from((await reader.read()).value!).toString();
    expect(text.startsWith(`${err.case.text}\n[errsig] ${err.id} `)).toBe(true);
    await written;
    await writer.close();
  });
});

describe("long lines", () => {
  it("passes a line longer than maxLineBytes through whole and diagnoses its head", async () => {
    const long = `${err.case.text} ${"y".repeat(300_000)}`;
    const bytes = Buffer.from(`first\n${long}\nlast\n`);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 4096) }, (_, i) => bytes.subarray(i * 4096, (i + 1) * 4096));
    const s = createDiagnoseStream({ maxLineBytes: 8192 });
    const out = (await runNode(s, chunks)).toString().split("\n");
    expect(out[0]).toBe("first");
    expect(out[1]).toBe(long);
    expect(out[2]).toMatch(new RegExp(`^\\[errsig\\] ${err.id.replace("/", "\\/")} `));
    expect(out[3]).toBe("last");
    expect(s.stats()).toMatchObject({ lines: 3, diagnosed: 1 });
  });

  it("does not diagnose what lies beyond the cap", async () => {
    const long = `${"z".repeat(20_000)} ${err.case.text}`;
    const s = createDiagnoseStream({ maxLineBytes: 8192 });
    const out = (await runNode(s, [long.slice(0, 5000), long.slice(5000), "\n"])).toString();
    expect(out).toBe(`${long}\n`);
    expect(s.stats().diagnosed).toBe(0);
  });

  it("a whole long line in one chunk behaves the same", async () => {
    const long = `${err.case.text} ${"y".repeat(20_000)}\n`;
    const out = (await runNode(createDiagnoseStream({ maxLineBytes: 1024 }), [long])).toString();
    expect(out.startsWith(long)).toBe(true);
    expect(out.slice(long.length)).toMatch(/^\[errsig\] /);
  });

  it("the WHATWG stream streams a long line too", async () => {
    const long = `${err.case.text} ${"y".repeat(50_000)}`;
    const enc = new TextEncoder();
    const out: Uint8Array[] = [];
    await streamOf([enc.encode(long.slice(0, 3000)), enc.encode(long.slice(3000)), enc.encode("\n")])
      .pipeThrough(createDiagnoseTransformStream({ maxLineBytes: 2048 }))
      .pipeTo(new WritableStream({ write: (c) => void out.push(c) }));
    const text = Buffer.concat(out).toString();
    expect(text.startsWith(`${long}\n[errsig] ${err.id}`)).toBe(true);
  });
});
