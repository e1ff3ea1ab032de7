// Real inputs for the tests: loghub system logs (which no signature may claim) with real error
// texts from the dev corpus planted among them, and where each planted error should be reported.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diagnose } from "@errsig/core";
import { scan } from "../src/scan.js";

export const CORPORA = "/work/shared/corpora";
const LOGHUB = join(CORPORA, "loghub");

export interface DevCase {
  id: string;
  text: string;
  expected: string | null;
  tool?: string;
}

export function loghubLines(): string[] {
  return readdirSync(LOGHUB)
    .filter((f) => f.endsWith(".log"))
    .sort()
    .flatMap((f) => readFileSync(join(LOGHUB, f), "utf8").split("\n").filter((l) => l !== ""));
}

export function devCases(): DevCase[] {
  return readFileSync(join(CORPORA, "errors/dev.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as DevCase);
}

export interface Planted {
  case: DevCase;
  id: string;
  /** What a scan of the text on its own reports: occurrences and their lines, 1-based within the text. */
  count: number;
  firstOffset: number;
  lastOffset: number;
}

export interface Plant extends Planted {
  /** 1-based line where the planted text starts in the built log. */
  start: number;
}

/**
 * Real error texts that a scan of the text alone attributes to their expected signature and nothing
 * else (the catalog grows while this package is written, so the set is chosen from what core can do
 * today), one case per signature id.
 */
export async function plantableCases(limit = 40): Promise<Planted[]> {
  const seen = new Set<string>();
  const out: Planted[] = [];
  for (const c of devCases()) {
    if (!c.expected || seen.has(c.expected) || c.text.includes("\r")) continue;
    if (diagnose(c.text, { fuzzy: false })?.id !== c.expected) continue;
    const alone = await scan([c.text]);
    const f = alone.findings[0];
    if (alone.findings.length !== 1 || f?.id !== c.expected) continue;
    seen.add(c.expected);
    out.push({ case: c, id: c.expected, count: f.count, firstOffset: f.firstLine - 1, lastOffset: f.lastLine - 1 });
    if (out.length >= limit) break;
  }
  return out;
}

/** loghub lines with the cases planted every `every` lines; the first case is planted twice. */
export function buildLog(lines: string[], cases: Planted[], every = 200): { text: string; plants: Plant[] } {
  const out: string[] = [];
  const plants: Plant[] = [];
  const queue = [...cases, ...(cases[0] ? [cases[0]] : [])];
  lines.forEach((l, i) => {
    out.push(l);
    if ((i + 1) % every === 0 && queue.length > 0) {
      const c = queue.shift()!;
      plants.push({ ...c, start: out.length + 1 });
      out.push(...c.case.text.split("\n"));
    }
  });
  return { text: `${out.join("\n")}\n`, plants };
}

/** What scan should report for the planted log: per id, count and first/last line. */
export function expectedFindings(plants: Plant[]): Map<string, { count: number; firstLine: number; lastLine: number }> {
  const want = new Map<string, { count: number; firstLine: number; lastLine: number }>();
  for (const p of plants) {
    const w = want.get(p.id);
    if (w) {
      w.count += p.count;
      w.lastLine = p.start + p.lastOffset;
    } else want.set(p.id, { count: p.count, firstLine: p.start + p.firstOffset, lastLine: p.start + p.lastOffset });
  }
  return want;
}

/** A one-line real error the catalog diagnoses, and a multi-line one (a traceback or stack). */
export async function sampleErrors(): Promise<{ line: Planted; multi: Planted }> {
  const cases = await plantableCases(400);
  const line = cases.find((c) => !c.case.text.includes("\n") && c.case.text.length < 400);
  const multi = cases.find((c) => /\n\s+(?:at |File ")/.test(c.case.text) && c.count === 1);
  if (!line || !multi) throw new Error("the catalog diagnoses no suitable dev case");
  return { line, multi };
}

/** Runs bytes through a Node stream and returns everything it emitted. */
export async function runNode(stream: NodeJS.ReadWriteStream, chunks: (string | Uint8Array)[]): Promise<Buffer> {
  const out: Buffer[] = [];
  stream.on("data", (d: Buffer) => out.push(Buffer.from(d)));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  for (const c of chunks) stream.write(c);
  stream.end();
  await done;
  return Buffer.concat(out);
}

/** A ReadableStream over chunks, pulled one at a time (ReadableStream.from is not in every lib typing). */
export function streamOf<T>(chunks: T[]): ReadableStream<T> {
  let i = 0;
  return new ReadableStream<T>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++] as T);
      else controller.close();
    },
  });
}

/** Runs chunks through a WHATWG TransformStream and returns everything it emitted. */
export async function runWeb<I, O>(ts: TransformStream<I, O>, chunks: I[]): Promise<O[]> {
  const out: O[] = [];
  await streamOf(chunks)
    .pipeThrough(ts)
    .pipeTo(new WritableStream({ write: (c) => void out.push(c) }));
  return out;
}

export const ANNOTATION_PREFIX = "[errsig] ";

/** The output without the annotation lines a byte-mode stream adds after diagnosed text events. */
export function withoutAnnotations(text: string): string {
  return text
    .split(/(?<=\n)/)
    .filter((l) => !l.startsWith(ANNOTATION_PREFIX))
    .join("");
}
