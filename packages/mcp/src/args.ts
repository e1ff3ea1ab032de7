import { parseArgs } from "node:util";
import { DEFAULT_MAX_TEXT } from "./context.js";
import { DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT } from "./http.js";

export interface CliOptions {
  signatureDirs: string[];
  maxTextLength: number;
  http: boolean;
  host: string;
  port: number;
  help: boolean;
  version: boolean;
}

/** Bad command line; the bin prints the message and the usage, and exits 2 like the errsig CLI. */
export class UsageError extends Error {
  override name = "UsageError";
}

export const USAGE = `Usage: errsig-mcp [options]

MCP server for errsig: tools diagnose, search_signatures, get_signature and
resources errsig://signature/{id}. Speaks MCP over stdio unless --http is given.

Options:
  --signatures DIR   add the signatures in DIR (every *.json, recursively) to the
                     built-in catalog; repeatable; a custom id replaces a built-in one
  --max-text N       characters of text diagnosed per call; longer text is cut,
                     keeping head and tail (default ${DEFAULT_MAX_TEXT})
  --http             serve Streamable HTTP at http://HOST:PORT/mcp instead of stdio
  --host HOST        interface for --http (default ${DEFAULT_HTTP_HOST}; anything but
                     loopback exposes the server to your network)
  --port N           port for --http (default ${DEFAULT_HTTP_PORT}; 0 picks a free one)
  -h, --help         show this help
  -v, --version      show the version
`;

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        signatures: { type: "string", multiple: true },
        "max-text": { type: "string" },
        http: { type: "boolean" },
        host: { type: "string" },
        port: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.http && (values.host !== undefined || values.port !== undefined)) throw new UsageError("--host and --port only apply with --http");
  return {
    signatureDirs: values.signatures ?? [],
    // Below 1 000 characters a diagnosis would miss the context that tells look-alike errors apart.
    maxTextLength: integer("max-text", values["max-text"], DEFAULT_MAX_TEXT, 1000, 10_000_000),
    http: values.http ?? false,
    host: values.host ?? DEFAULT_HTTP_HOST,
    port: integer("port", values.port, DEFAULT_HTTP_PORT, 0, 65535),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
