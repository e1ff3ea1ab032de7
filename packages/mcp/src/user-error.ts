import { redact } from "@errsig/core";

/**
 * A problem with what the caller sent (unknown id, unknown tool, …). Thrown from a tool handler,
 * the SDK turns it into a tool result with `isError: true` and this message, which is what the MCP
 * spec asks for: the model sees the message and can correct its call.
 */
export class UserError extends Error {
  override name = "UserError";
}

const QUOTE_MAX = 80;

/**
 * Quotes a caller-supplied value for an error message. Everything that goes back to the client is
 * redacted first: an agent may paste a token where an id belongs, and an error message must not
 * become the one place a secret is echoed.
 */
export function quote(value: string): string {
  const clean = redact(value);
  const short = clean.length > QUOTE_MAX ? `${clean.slice(0, QUOTE_MAX)}…` : clean;
  return JSON.stringify(short);
}
