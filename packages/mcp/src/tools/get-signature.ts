import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ServerContext } from "../context.js";
import { structuredResult } from "../result.js";
import { SignatureOutput } from "../schemas.js";
import { lookupSignature } from "../lookup.js";

const DESCRIPTION = `Get one errsig catalog entry in full by id (e.g. "claude-code/oauth-refresh-400-after-early-revocation"), as returned by diagnose or search_signatures: canonical message, summary, why it happens, causes, fixes with exact commands, platform checks, step-by-step, prevention, sources, related ids, FAQ, affected and fixed versions, matchers and examples.`;

export function registerGetSignature(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    "get_signature",
    {
      title: "Get a known error's full entry",
      description: DESCRIPTION,
      inputSchema: {
        id: z.string().min(1).max(200).describe("Signature id, <tool>/<slug>."),
      },
      outputSchema: SignatureOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ id }) => structuredResult({ signature: lookupSignature(ctx, id) }),
  );
}
