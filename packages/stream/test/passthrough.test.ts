import { beforeAll, describe, expect, it } from "vitest";
import { createDiagnoser } from "@errsig/core";
import { createDiagnoseStream, createDiagnoseTransformStream, type ErrsigAnnotation } from "../src/index.js";
import { ANNOTATION_PREFIX, runNode, runWeb, sampleErrors, withoutAnnotations, type Planted } from "./_corpus.js";

let err: Planted;
beforeAll(async () => {
  err = (await sampleErrors()).line;
});

const NOISE = "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app.MRAppMaster: Created MRAppMaster\n";

describe("byte mode", () => {
  it("passes every line through unchanged and adds one annotation line after a diagnosed text line", async () => {
    const input = `${NOISE}${err.case.text}\n${NOISE}`;
    const out = (await runNode(createDiagnoseStream(), [input])).toString("utf8");
    const lines = out.split("\n");
    expect(lines[0]).toBe(NOISE.trimEnd());
    expect(lines[1]).toBe(err.case.text);
    expect(lines[2]?.startsWith(`${ANNOTATION_PREFIX}${err.id} (`)).toBe(true);
    expect(lines[3]).toBe(NOISE.trimEnd());
    expect(withoutAnnotations(out)).toBe(input);
  });

  it("splices an errsig field into a diagnosed NDJSON record and keeps the other bytes", async () => {
    const record = `{"level":50,"time":1,  "big":12345678901234567890,"msg":${JSON.stringify(err.case.text)}}`;
    const input = `{"level":30,"msg":"started"}\n${record}\nnot json {\n`;
    const out = (await runNode(createDiagnoseStream(), [input])).toString("utf8").split("\n");
    expect(out[0]).toBe(`{"level":30,"msg":"started"}`);
    expect(out[1]!.startsWith(record.slice(0, -1))).toBe(true); // original bytes, big number untouched
    const parsed = JSON.parse(out[1]!) as { errsig: ErrsigAnnotation };
    expect(parsed.errsig).toMatchObject({ id: err.id, line: 2, endLine: 2 });
    expect(parsed.errsig.confidence).toBeGreaterThan(0);
    expect(typeof parsed.errsig.fix?.title).toBe("string");
    expect(out[2]).toBe("not json {");
  });

  it("takes the message from a configured field", async () => {
    const input = `${JSON.stringify({ level: 50, detail: { text: err.case.text }, msg: "request failed" })}\n`;
    const plain = (await runNode(createDiagnoseStream(), [input])).toString();
    expect(plain).toBe(input);
    const custom = (await runNode(createDiagnoseStream({ messageFields: ["detail.text"] }), [input])).toString();
    expect(JSON.parse(custom).errsig.id).toBe(err.id);
  });

  it("keeps CRLF, invalid UTF-8 and a missing final newline byte for byte", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${NOISE.trimEnd()}\r\n`),
      Buffer.from([0xff, 0xfe, 0x41, 0xc3, 0x28, 0x0a]),
      Buffer.from(`${err.case.text}\r\n`),
      Buffer.from("\r\n\n"),
      Buffer.from(NOISE.trimEnd()), // no newline at the end
    ]);
    // Cut at every awkward place: inside a CRLF, inside a UTF-8 sequence.
    const chunks = [bytes.subarray(0, NOISE.length), bytes.subarray(NOISE.length, NOISE.length + 4), bytes.subarray(NOISE.length + 4)];
    const out = await runNode(createDiagnoseStream(), chunks);
    const annotation = out.indexOf(ANNOTATION_PREFIX);
    expect(annotation).toBeGreaterThan(0);
    const end = out.indexOf("\n", annotation) + 1;
    expect(Buffer.concat([out.subarray(0, annotation), out.subarray(end)]).equals(bytes)).toBe(true);
  });

  it("emits only diagnosed events in only-diagnosed mode", async () => {
    const input = `${NOISE}${err.case.text}\n${NOISE}`;
    const out = (await runNode(createDiagnoseStream({ mode: "only-diagnosed" }), [input])).toString();
    expect(out.split("\n").filter(Boolean)).toEqual([err.case.text, expect.stringMatching(/^\[errsig\] /)]);
  });

  it("uses a custom annotation format", async () => {
    const out = (await runNode(createDiagnoseStream({ formatAnnotation: (a) => `>> ${a.id}` }), [`${err.case.text}\n`])).toString();
    expect(out).toBe(`${err.case.text}\n>> ${err.id}\n`);
  });

  it("uses a custom diagnoser (custom catalog only)", async () => {
    const empty = createDiagnoser({ builtin: false });
    const out = (await runNode(createDiagnoseStream({ diagnoser: empty }), [`${err.case.text}\n`])).toString();
    expect(out).toBe(`${err.case.text}\n`);
  });
});

describe("dedupe, stats and events", () => {
  it("folds a storm of the same error into one annotation with a count", async () => {
    const storm = Array.from({ length: 50 }, () => `${err.case.text}\n${NOISE}`).join("");
    const s = createDiagnoseStream({ dedupe: { lines: 1000 } });
    const seen: ErrsigAnnotation[] = [];
    s.on("diagnosis", (a: ErrsigAnnotation) => seen.push(a));
    const out = (await runNode(s, [storm, `${err.case.text}\n`])).toString();
    expect(out.split("\n").filter((l) => l.startsWith(ANNOTATION_PREFIX))).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(withoutAnnotations(out)).toBe(`${storm}${err.case.text}\n`);
    const stats = s.stats();
    expect(stats).toMatchObject({ lines: 101, diagnosed: 51, suppressed: 50 });
    expect(stats.byId[err.id]).toBe(51);
  });

  it("reports the folded count on the next annotation once the window has passed", async () => {
    const storm = Array.from({ length: 6 }, () => `${err.case.text}\n`).join("");
    const out = (await runNode(createDiagnoseStream({ dedupe: { lines: 5 } }), [storm])).toString();
    const notes = out.split("\n").filter((l) => l.startsWith(ANNOTATION_PREFIX));
    expect(notes).toHaveLength(2);
    expect(notes[1]).toContain("(+4 repeats)");
  });

  it("counts lines and events without dedupe", async () => {
    const s = createDiagnoseStream();
    await runNode(s, [`${NOISE}${err.case.text}\n\n${NOISE}`]);
    // The blank line belongs to the event before it: 4 lines, 3 events.
    expect(s.stats()).toMatchObject({ lines: 4, events: 3, diagnosed: 1, suppressed: 0, byId: { [err.id]: 1 } });
  });
});

describe("object mode", () => {
  it("adds errsig to a diagnosed object record and passes the others as they are", async () => {
    const s = createDiagnoseStream({ objectMode: true });
    const records = [{ level: 30, msg: "ok" }, { level: 50, msg: err.case.text }, "plain text line"];
    const out: unknown[] = [];
    s.on("data", (d) => out.push(d));
    for (const r of records) s.write(r);
    s.end();
    await new Promise((r) => s.on("end", r));
    expect(out[0]).toBe(records[0]);
    expect(out[1]).toMatchObject({ level: 50, msg: err.case.text, errsig: { id: err.id } });
    expect(records[1]).not.toHaveProperty("errsig"); // the caller's object is not mutated
    expect(out[2]).toBe("plain text line");
    expect(out).toHaveLength(3);
  });

  it("follows a diagnosed string record with an { errsig } record", async () => {
    const out = await runWeb(createDiagnoseTransformStream({ objectMode: true }), ["Hello", err.case.text, "Done"]);
    expect(out).toEqual(["Hello", err.case.text, { errsig: expect.objectContaining({ id: err.id, line: 2 }) }, "Done"]);
  });
});

describe("WHATWG TransformStream", () => {
  it("gives the same bytes as the Node stream", async () => {
    const input = `${NOISE}{"msg":${JSON.stringify(err.case.text)}}\n${err.case.text}\n${NOISE}`;
    const enc = new TextEncoder();
    const bytes = enc.encode(input);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 200), bytes.subarray(200)];
    const web = Buffer.concat(await runWeb(createDiagnoseTransformStream(), chunks));
    const node = await runNode(createDiagnoseStream(), [input]);
    expect(web.equals(node)).toBe(true);
    expect(web.toString()).toContain('"errsig":{');
  });

  it("accepts strings and exposes stats()", async () => {
    const ts = createDiagnoseTransformStream();
    await runWeb(ts, [`${err.case.text}\n`, NOISE]);
    expect(ts.stats()).toMatchObject({ lines: 2, diagnosed: 1 });
  });
});
