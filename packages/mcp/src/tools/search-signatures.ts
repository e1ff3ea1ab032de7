import { CATEGORIES } from "@errsig/core";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ServerContext } from "../context.js";
import { structuredResult } from "../result.js";
import { SearchOutput, signatureUri } from "../schemas.js";
import { resolveTool } from "../tool-hint.js";

const DESCRIPTION = `Search the errsig catalog of known errors by describing the problem in words ("claude keeps asking me to login", "codex sandbox permission denied"), optionally filtered by tool and category.
Use it when you have a description rather than the error text itself (for error text, call diagnose). Without words, lists the catalog entries of the given tool and/or category. Returns signature ids with titles; call get_signature (or read errsig://signature/{id}) for causes and fixes.`;

export function registerSearchSignatures(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    "search_signatures",
    {
      title: "Search known errors",
      description: DESCRIPTION,
      inputSchema: {
        words: z.string().max(2000).optional().describe("What went wrong, in a few words. Omit to list entries by tool/category."),
        tool: z.string().min(1).max(100).optional().describe(`Only this tool's entries (${[...ctx.tools].sort().join(", ")}).`),
        category: z.enum(CATEGORIES).optional().describe("Only entries of this kind of failure."),
        limit: z.number().int().min(1).max(100).default(10).describe("How many hits at most (default 10)."),
      },
      outputSchema: SearchOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ words, tool, category, limit }) => {
      const toolId = tool === undefined ? undefined : resolveTool(tool, ctx.tools);
      const filters = { ...(toolId ? { tool: toolId } : {}), ...(category ? { category } : {}) };
      const hits = words?.trim()
        ? ctx.diagnoser.search(words, { limit, ...filters })
        : ctx.diagnoser.catalog
            .filter((s) => (!toolId || s.tool === toolId) && (!category || s.category === category))
            .slice(0, limit)
            .map((s) => ({ id: s.id, title: s.title, tool: s.tool, category: s.category, score: 1 }));
      return structuredResult({
        hits: hits.map((h) => ({ id: h.id, uri: signatureUri(h.id), title: h.title, tool: h.tool, category: h.category, score: h.score })),
      });
    },
  );
}
