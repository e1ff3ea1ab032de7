import { createDiagnoser, type Diagnoser } from "@errsig/core";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { createContext, DEFAULT_MAX_TEXT } from "./context.js";
import { registerSignatureResources } from "./resources.js";
import { registerDiagnose } from "./tools/diagnose.js";
import { registerGetSignature } from "./tools/get-signature.js";
import { registerSearchSignatures } from "./tools/search-signatures.js";
import { VERSION } from "./version.js";

export interface ErrsigServerOptions {
  /** The diagnoser to serve (default: the built-in catalog). Build one with `createDiagnoser({ signatures })` for a custom catalog. */
  diagnoser?: Diagnoser;
  /** Characters of `text` diagnosed per `diagnose` call; longer text is cut with a note (default 100 000). */
  maxTextLength?: number;
}

const INSTRUCTIONS = `errsig diagnoses error text from AI coding tools and LLM APIs against a catalog of known problems with verified fixes. When a tool or API call fails with an error you do not recognise, call diagnose with the verbatim error text; use search_signatures when you only have a description.`;

/**
 * An MCP server exposing errsig's tools (`diagnose`, `search_signatures`, `get_signature`) and the
 * catalog as `errsig://signature/{id}` resources. Connect it to any transport; one server serves
 * one connection, so build one per session (the diagnoser can be shared).
 */
export function createErrsigServer(options: ErrsigServerOptions = {}): McpServer {
  const ctx = createContext(options.diagnoser ?? createDiagnoser(), options.maxTextLength ?? DEFAULT_MAX_TEXT);
  const server = new McpServer({ name: "errsig", title: "errsig", version: VERSION }, { instructions: INSTRUCTIONS });
  registerDiagnose(server, ctx);
  registerSearchSignatures(server, ctx);
  registerGetSignature(server, ctx);
  registerSignatureResources(server, ctx);
  return server;
}
