import type { Diagnosis } from "@errsig/core";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { ServerContext } from "../context.js";
import { limitText, type LimitedText } from "../limit-text.js";
import { structuredResult } from "../result.js";
import { DiagnoseOutput, DiagnosisShape, signatureUri } from "../schemas.js";
import { resolveTool } from "../tool-hint.js";

const DESCRIPTION = `Diagnose raw error text from an AI coding tool (Claude Code, Codex CLI, Gemini CLI, Cursor, Copilot, Aider, Cline, …) or an LLM API (Anthropic, OpenAI, Gemini, OpenRouter).
Paste the error verbatim, with the lines around it (log lines, HTTP status lines, stack frames): context decides between look-alike errors. Returns the matching known problems, best first, each with its root cause, exact fixes (commands to run), sources (public issue threads), the evidence it matched and extracted fields (status, endpoint, model, request id). An empty list means no known signature explains the text: say so rather than guessing. Secrets in the text are redacted in every output, but do not paste them on purpose.`;

export function registerDiagnose(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    "diagnose",
    {
      title: "Diagnose an error",
      description: DESCRIPTION,
      inputSchema: {
        text: z.string().min(1).describe(`The error text, verbatim, with surrounding log lines. Text over ${ctx.maxTextLength} characters is cut (head and tail kept) and the result says so.`),
        tool: z
          .string()
          .min(1)
          .max(100)
          .optional()
          .describe(`Which tool printed the text, when known (${[...ctx.tools].sort().join(", ")}). Ranks that tool's signatures first without hiding a clearly better match.`),
        limit: z.number().int().min(1).max(20).default(3).describe("Top-k: how many diagnoses to return at most (default 3)."),
        minConfidence: z.number().min(0).max(1).optional().describe("Drop diagnoses below this confidence, 0..1 (default 0.3)."),
      },
      outputSchema: DiagnoseOutput.shape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ text, tool, limit, minConfidence }) => {
      const limited = limitText(text, ctx.maxTextLength);
      const diagnoses = ctx.diagnoser.diagnoseAll(limited.text, {
        limit,
        ...(tool !== undefined ? { tool: resolveTool(tool, ctx.tools) } : {}),
        ...(minConfidence !== undefined ? { minConfidence } : {}),
      });
      const notes: string[] = [];
      if (limited.note) notes.push(limited.note);
      if (diagnoses.length === 0) notes.push("No signature in the catalog explains this text.");
      return structuredResult({
        diagnoses: diagnoses.map((d) => present(d, text, limited)),
        notes,
      });
    },
  );
}

/**
 * A diagnosis as sent to clients: the resource URI added, evidence positions put back into the
 * caller's text, and anything the output schema does not declare stripped (the published schema
 * forbids extra properties, so a field core adds later must be added here on purpose).
 */
function present(d: Diagnosis, input: string, limited: LimitedText) {
  const evidence = d.evidence.map((e) => {
    if (!limited.note) return e;
    const start = limited.toOriginal(e.start);
    return { ...e, start, end: limited.toOriginal(e.end), line: lineAt(input, start) };
  });
  return DiagnosisShape.parse({ ...d, uri: signatureUri(d.id), evidence });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
