import { beforeAll, describe, expect, it } from "vitest";
import { createDiagnoseStream, createDiagnoseTransformStream, scan, type ErrsigAnnotation, type ScanReport } from "../src/index.js";
import { buildLog, expectedFindings, loghubLines, plantableCases, runNode, runWeb, withoutAnnotations, type Plant } from "./_corpus.js";

// Real system logs (loghub) with real error texts from the dev corpus planted every 150 lines.
let text: string;
let plants: Plant[];
let loghub: string[];
beforeAll(async () => {
  loghub = loghubLines();
  ({ text, plants } = buildLog(loghub, await plantableCases(60), 150));
});

describe("loghub with planted errors", () => {
  it("plants enough cases to mean something", () => {
    expect(plants.length).toBeGreaterThanOrEqual(20);
  });

  it("scan finds each planted error with its lines and count, and nothing else", async () => {
    const bytes = Buffer.from(text);
    // Cut into 64 KiB chunks like a file read, so errors straddle chunk boundaries.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
    const report: ScanReport = await scan(chunks);
    const got = new Map(report.findings.map((f) => [f.id, { count: f.count, firstLine: f.firstLine, lastLine: f.lastLine }]));
    expect(got).toEqual(expectedFindings(plants));
    expect(report.lines).toBe(text.split("\n").length - 1);
    // Most frequent first, then by first line.
    const order = [...expectedFindings(plants)].sort((a, b) => b[1].count - a[1].count || a[1].firstLine - b[1].firstLine);
    expect(report.findings.map((f) => f.id)).toEqual(order.map(([id]) => id));
    for (const f of report.findings) expect(f.evidence.text.length).toBeGreaterThan(0);
  });

  it("loghub alone gets no diagnosis at all", async () => {
    const report = await scan([`${loghub.join("\n")}\n`]);
    expect(report.findings).toEqual([]);
    expect(report.lines).toBe(loghub.length);
  });

  it("the Node stream annotates exactly the planted errors and passes every line through", async () => {
    const s = createDiagnoseStream();
    const seen: ErrsigAnnotation[] = [];
    s.on("diagnosis", (a: ErrsigAnnotation) => seen.push(a));
    let out = (await runNode(s, [text])).toString("utf8");
    // Undo what the stream adds: annotation lines after text events, an errsig member in JSON records.
    for (const a of seen) out = out.replace(`,"errsig":${JSON.stringify(a)}`, "");
    expect(withoutAnnotations(out)).toBe(text);
    expect(new Set(seen.map((a) => a.id))).toEqual(new Set(plants.map((p) => p.id)));
    for (const p of plants) expect(seen.some((a) => a.id === p.id && a.line <= p.start + p.firstOffset && a.endLine >= p.start)).toBe(true);
  });

  it("the WHATWG stream gives the same output as the Node stream", async () => {
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 16384) }, (_, i) => bytes.subarray(i * 16384, (i + 1) * 16384));
    const web = Buffer.concat(await runWeb(createDiagnoseTransformStream(), chunks));
    const node = await runNode(createDiagnoseStream(), [text]);
    expect(web.equals(node)).toBe(true);
  });

  it("only-diagnosed emits the planted errors only", async () => {
    const out = (await runNode(createDiagnoseStream({ mode: "only-diagnosed" }), [text])).toString("utf8");
    const loghubSet = new Set(loghub);
    const leaked = withoutAnnotations(out)
      .split("\n")
      .filter((l) => loghubSet.has(l));
    // A planted text may pull in a loghub line it continues, never more than one per plant.
    expect(leaked.length).toBeLessThanOrEqual(plants.length);
    const lines = text.split("\n");
    // A JSON record comes out with an errsig member before its closing brace.
    for (const p of plants) expect(out).toContain(lines[p.start + p.firstOffset - 1]!.replace(/\}\s*$/, ""));
  });
});
