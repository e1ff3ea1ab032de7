// Lines per second of the stream on the loghub logs, next to bare diagnose() on the same lines.
// Prints only; `pnpm bench` at the root collects it. Run: pnpm --filter @errsig/stream bench
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diagnose } from "@errsig/core";
import { createDiagnoseStream, createDiagnoseTransformStream, scan } from "../src/index.js";

const LOGHUB = "/work/shared/corpora/loghub";
const ROUNDS = 5;
const lines = readdirSync(LOGHUB)
  .filter((f) => f.endsWith(".log"))
  .sort()
  .flatMap((f) => readFileSync(join(LOGHUB, f), "utf8").split("\n").filter(Boolean));
const text = `${lines.join("\n")}\n`;
const bytes = Buffer.from(text);
const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));

async function time(name: string, run: () => Promise<void> | void): Promise<void> {
  await run(); // warm-up: compiles the catalog, JITs the hot paths
  const start = performance.now();
  for (let r = 0; r < ROUNDS; r++) await run();
  const seconds = (performance.now() - start) / 1000;
  const perSecond = (lines.length * ROUNDS) / seconds;
  console.log(`${name.padEnd(34)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} lines/s`);
}

console.log(`@errsig/stream throughput: ${lines.length.toLocaleString("en-US")} loghub lines × ${ROUNDS} rounds`);
await time("diagnose() per line (fuzzy off)", () => {
  for (const l of lines) diagnose(l, { fuzzy: false });
});
await time("diagnose() per line (default)", () => {
  for (const l of lines) diagnose(l);
});
await time("Node Transform (byte mode)", async () => {
  const s = createDiagnoseStream();
  s.resume();
  const done = new Promise((r) => s.on("end", r));
  for (const c of chunks) s.write(c);
  s.end();
  await done;
});
await time("WHATWG TransformStream", async () => {
  let i = 0;
  await new ReadableStream<Uint8Array>({ pull: (c) => (i < chunks.length ? c.enqueue(chunks[i++]!) : c.close()) })
    .pipeThrough(createDiagnoseTransformStream())
    .pipeTo(new WritableStream({ write() {} }));
});
await time("scan()", async () => {
  await scan(chunks);
});
