import type { SignatureInput } from "../src/schema.js";

/** A minimal valid signature for tests; `match` and ids vary per test. */
export function sig(id: string, match: SignatureInput["match"], extra: Partial<SignatureInput> = {}): SignatureInput {
  const [tool] = id.split("/");
  return {
    id,
    tool: tool as string,
    category: "auth",
    title: `Test signature ${id}`,
    message: "test message",
    summary: "A test signature for the matcher.",
    why: "Because the test needs one.",
    causes: ["test"],
    fixes: [{ title: "Do the test thing", command: "echo fix" }],
    sources: [{ url: "https://github.com/errsig/errsig/issues/1" }],
    updated: "2026-11-25",
    match,
    examples: [{ text: "placeholder" }],
    ...extra,
  };
}
