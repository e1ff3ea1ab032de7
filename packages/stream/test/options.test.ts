import { describe, expect, it } from "vitest";
import { createDiagnoseStream, createDiagnoseTransformStream, scan, StreamOptionsError } from "../src/index.js";

const bad: [string, unknown, RegExp][] = [
  ["unknown option", { maxLines: 10 }, /unknown option "maxLines"/],
  ["mode", { mode: "diagnosed" }, /"mode" must be "all" or "only-diagnosed"/],
  ["messageFields empty", { messageFields: [] }, /"messageFields"/],
  ["messageFields not strings", { messageFields: [1] }, /"messageFields"/],
  ["minConfidence", { minConfidence: 2 }, /"minConfidence" must be a number from 0 to 1/],
  ["maxLineBytes", { maxLineBytes: 10 }, /"maxLineBytes" must be an integer from 256/],
  ["maxEventLines", { maxEventLines: 0 }, /"maxEventLines"/],
  ["maxEventBytes", { maxEventBytes: 1.5 }, /"maxEventBytes"/],
  ["flushMs", { flushMs: -1 }, /"flushMs"/],
  ["dedupe", { dedupe: "yes" }, /"dedupe" must be/],
  ["dedupe empty", { dedupe: {} }, /"dedupe" needs "ms" or "lines"/],
  ["dedupe unknown", { dedupe: { count: 3 } }, /unknown dedupe option "count"/],
  ["diagnoser", { diagnoser: {} }, /"diagnoser" must come from createDiagnoser/],
  ["onDiagnosis", { onDiagnosis: 1 }, /"onDiagnosis" must be a function/],
  ["tool", { tool: "" }, /"tool"/],
];

describe("bad options throw a clear error at construction", () => {
  it.each(bad)("%s", (_name, options, message) => {
    expect(() => createDiagnoseStream(options as never)).toThrow(StreamOptionsError);
    expect(() => createDiagnoseStream(options as never)).toThrow(message);
    expect(() => createDiagnoseTransformStream(options as never)).toThrow(message);
  });

  it("names the package in the message", () => {
    expect(() => createDiagnoseStream({ mode: "x" } as never)).toThrow(/^@errsig\/stream: /);
  });

  it("scan rejects stream-only options", async () => {
    await expect(scan([], { mode: "all" } as never)).rejects.toThrow(/unknown option "mode"/);
  });

  it("scan checks onProgress", async () => {
    await expect(scan([], { onProgress: 1 } as never)).rejects.toThrow(/"onProgress" must be a function/);
  });

  it("accepts good options", () => {
    expect(() => createDiagnoseStream({ mode: "only-diagnosed", dedupe: { lines: 10 }, maxLineBytes: 1024, flushMs: 0 })).not.toThrow();
  });
});
