import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";

/**
 * A tool result carrying `structured` both as `structuredContent` and, as the MCP spec recommends
 * for clients that predate structured output, serialised in a text block.
 */
export function structuredResult<T extends Record<string, unknown>>(structured: T): CallToolResult {
  return {
    content: [{ type: "text", text: JSON.stringify(structured, null, 2) }],
    structuredContent: structured,
  };
}
