import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServerContext } from "./context.js";
import { lookupSignature } from "./lookup.js";
import { signatureUri } from "./schemas.js";
import { UserError } from "./user-error.js";

/**
 * Every signature as `errsig://signature/{id}`. Ids contain a slash (`claude-code/…`), so the
 * template uses RFC 6570 reserved expansion `{+id}`; a plain `{id}` would not match across it.
 */
export function registerSignatureResources(server: McpServer, ctx: ServerContext): void {
  const template = new ResourceTemplate("errsig://signature/{+id}", {
    list: () => ({
      resources: ctx.diagnoser.catalog.map((s) => ({
        uri: signatureUri(s.id),
        name: s.id,
        title: s.title,
        description: s.summary,
        mimeType: "application/json",
      })),
    }),
    complete: {
      id: (value) =>
        ctx.diagnoser.catalog
          .map((s) => s.id)
          .filter((id) => id.startsWith(value))
          .slice(0, 100),
    },
  });

  server.registerResource(
    "signature",
    template,
    { title: "errsig signature", description: "One catalog entry of a known error, as JSON.", mimeType: "application/json" },
    (uri, { id }) => {
      const wanted = Array.isArray(id) ? id.join(",") : (id ?? "");
      try {
        const signature = lookupSignature(ctx, decode(wanted));
        return { contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(signature, null, 2) }] };
      } catch (error) {
        if (error instanceof UserError) throw new ResourceNotFound(error.message);
        throw error;
      }
    },
  );
}

/** Percent-decodes an id from a URI; a malformed escape is kept as typed and then fails as an unknown id. */
function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Resources have no `isError` result: an unknown id is a JSON-RPC error, code -32002 ("resource
 * not found" in the MCP spec). The SDK sends any thrown error's `code` and `message`; an McpError
 * would do too, but its constructor bakes "MCP error -32002:" into the message and the client adds
 * the same prefix again.
 */
class ResourceNotFound extends Error {
  readonly code = -32002;
}
