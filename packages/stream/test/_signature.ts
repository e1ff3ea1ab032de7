import { createDiagnoser } from "@errsig/core";

/**
 * A test-only signature that needs a word from the first and one from the last line of an event:
 * it only matches when the stream grouped the lines into one event.
 */
export function spanSignature(head: string, tail: string, id = "test-tool/span") {
  return {
    id,
    tool: id.split("/")[0],
    category: "runtime-crash",
    title: "Test signature spanning an event",
    message: `${head} … ${tail}`,
    summary: "Matches only when both words are in one event.",
    why: "Used by the grouping tests.",
    causes: ["grouping"],
    fixes: [{ title: "Nothing to fix", command: "true" }],
    sources: [{ url: "https://example.com/errsig-test" }],
    updated: "2026-01-01",
    match: { all: [{ literal: head }, { literal: tail }], window: 500 },
    examples: [{ text: `${head} ${tail}` }],
  };
}

export function spanDiagnoser(head: string, tail: string) {
  return createDiagnoser({ builtin: false, signatures: [spanSignature(head, tail)] });
}
