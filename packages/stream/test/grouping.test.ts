import { describe, expect, it } from "vitest";
import { createDiagnoseStream, type ErrsigAnnotation } from "../src/index.js";
import { runNode } from "./_corpus.js";
import { spanDiagnoser } from "./_signature.js";

const BEFORE = "2024-05-01T10:00:00Z INFO server started\n";
const AFTER = "2024-05-01T10:00:05Z INFO next request\n";

/** Each event spans lines 2..(1 + its line count): the first word is on its first line, the last on its last. */
const events: [string, string][] = [
  [
    "Node stack trace with an error object",
    `Error: zebraheadword failed
    at TLSSocket.onConnectEnd (node:_tls_wrap:1727:19)
    at TLSSocket.emit (node:events:531:35) {
  code: 'ECONNRESET',
  path: null,
  host: 'api.example.com',
  zebratailword: true
}
`,
  ],
  [
    "pretty-printed JSON error body",
    `API Error: 400 zebraheadword {
  "type": "error",
  "error": {
    "type": "invalid_request_error",
    "message": "zebratailword"
  }
}
`,
  ],
  [
    "a JSON body opened on its own line",
    `{
  "error": {
    "message": "zebraheadword",
    "code": 429
  },
  "zebratailword": 1
}
`,
  ],
  [
    "Python traceback with the exception on the last line",
    `Traceback (most recent call last):
  File "/app/zebraheadword.py", line 10, in <module>
    main()
  File "/app/main.py", line 3, in main
    raise RuntimeError("boom")
RuntimeError: zebratailword
`,
  ],
  [
    "chained Python exceptions separated by blank lines",
    `Traceback (most recent call last):
  File "/app/zebraheadword.py", line 1, in <module>
KeyError: 'x'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/app/b.py", line 2, in <module>
ValueError: zebratailword
`,
  ],
  [
    "Java stack trace with a cause",
    `java.lang.IllegalStateException: zebraheadword
\tat com.example.Foo.bar(Foo.java:10)
Caused by: java.io.IOException: broken pipe
\tat com.example.Baz.qux(Baz.java:20)
\t... 12 more zebratailword
`,
  ],
  [
    "a hard-wrapped terminal message",
    `■ Failed to refresh token: 401 Unauthorized: zebraheadword has already been used to generate a new access
token. Please try zebratailword again.
`,
  ],
]

/** An indented first line cannot be told from a continuation, so it joins the record before it. */
const joining: [string, string][] = [
  [
    "a TUI error screen in paragraphs",
    ` Unable to connect to zebraheadword services

 Failed to connect to api.example.com: fetch failed

 Please check your zebratailword connection.
`,
  ],
];

events.push(
  [
    "a Docker JSON log with one record per stack line",
    `{"log":"Error: zebraheadword\\n","stream":"stderr"}
{"log":"    at main (/app/index.js:1:1)\\n","stream":"stderr"}
{"log":"    at zebratailword (/app/index.js:2:1)\\n","stream":"stderr"}
`,
  ],
);

async function spans(text: string) {
  const s = createDiagnoseStream({ diagnoser: spanDiagnoser("zebraheadword", "zebratailword"), mode: "only-diagnosed" });
  const seen: ErrsigAnnotation[] = [];
  s.on("diagnosis", (a: ErrsigAnnotation) => seen.push(a));
  await runNode(s, [text]);
  return { spans: seen.map((a) => [a.line, a.endLine]), events: s.stats().events };
}

describe("a multi-line error is diagnosed as one event", () => {
  it.each(events)("%s", async (_name, event) => {
    const lines = event.split("\n").length - 1;
    expect(await spans(BEFORE + event + AFTER)).toEqual({ spans: [[2, 1 + lines]], events: 3 });
  });

  it.each(joining)("%s (joins an unindented line before it)", async (_name, event) => {
    const lines = event.split("\n").length - 1;
    expect(await spans(event + AFTER)).toEqual({ spans: [[1, lines]], events: 2 });
    expect(await spans(BEFORE + event + AFTER)).toEqual({ spans: [[1, 1 + lines]], events: 2 });
  });
});

describe("separate records stay separate", () => {
  it.each([
    ["two log records", "2024-05-01 ERROR zebraheadword\n2024-05-01 ERROR zebratailword\n"],
    ["a record after a blank line", "Error: zebraheadword\n\n2024-05-01 INFO zebratailword\n"],
    ["two NDJSON records", '{"msg":"zebraheadword"}\n{"msg":"zebratailword"}\n'],
    ["a level prefix in lower case", "error: zebraheadword\nwarn: zebratailword\n"],
    ["an unbalanced bracket mid-line", "Error: [zebraheadword\nNext zebratailword\n"],
  ])("%s", async (_name, text) => {
    const s = createDiagnoseStream({ diagnoser: spanDiagnoser("zebraheadword", "zebratailword") });
    await runNode(s, [text]);
    expect(s.stats()).toMatchObject({ events: 2, diagnosed: 0 });
  });

  it("caps an event at maxEventLines", async () => {
    const body = Array.from({ length: 30 }, (_, i) => `    at frame${i} (file.js:${i}:1)`).join("\n");
    const text = `Error: zebraheadword\n${body}\n    at zebratailword (x.js:1:1)\n`;
    const small = createDiagnoseStream({ diagnoser: spanDiagnoser("zebraheadword", "zebratailword"), maxEventLines: 10 });
    await runNode(small, [text]);
    expect(small.stats()).toMatchObject({ events: 4, diagnosed: 0 });
    const large = createDiagnoseStream({ diagnoser: spanDiagnoser("zebraheadword", "zebratailword") });
    await runNode(large, [text]);
    expect(large.stats()).toMatchObject({ events: 1, diagnosed: 1 });
  });

  it("caps an event at maxEventBytes", async () => {
    const body = Array.from({ length: 20 }, (_, i) => `    at frame${i} (${"x".repeat(100)}.js:${i}:1)`).join("\n");
    const s = createDiagnoseStream({ diagnoser: spanDiagnoser("zebraheadword", "zebratailword"), maxEventBytes: 1024 });
    await runNode(s, [`Error: zebraheadword\n${body}\n    at zebratailword\n`]);
    expect(s.stats().diagnosed).toBe(0);
    expect(s.stats().events).toBeGreaterThan(1);
  });
});

describe("idle flush", () => {
  it("closes an open event after flushMs without input, before the stream ends", async () => {
    const s = createDiagnoseStream({ diagnoser: spanDiagnoser("zebraheadword", "zebratailword"), flushMs: 20 });
    const out: Buffer[] = [];
    s.on("data", (d: Buffer) => out.push(d));
    const annotated = new Promise<ErrsigAnnotation>((resolve) => s.on("diagnosis", resolve));
    s.write("Error: zebraheadword\n    at zebratailword (x.js:1:1)\n");
    const a = await annotated; // the stream is still open: only the timer can have closed the event
    expect(a).toMatchObject({ line: 1, endLine: 2 });
    await new Promise((r) => setImmediate(r));
    expect(Buffer.concat(out).toString()).toMatch(/^Error: zebraheadword\n {4}at zebratailword \(x\.js:1:1\)\n\[errsig\] test-tool\/span/);
    expect(s.writableEnded).toBe(false);
    s.end();
  });
});
