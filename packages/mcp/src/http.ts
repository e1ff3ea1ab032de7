import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";

export interface HttpOptions {
  /** Interface to bind; loopback by default so the server is not reachable from the network. */
  host?: string;
  /** Port; 0 picks a free one (the returned `url` says which). */
  port?: number;
  /** Builds the MCP server for one request. */
  createServer: () => McpServer;
}

export interface HttpHandle {
  /** The endpoint, e.g. `http://127.0.0.1:3333/mcp`. */
  url: string;
  close(): Promise<void>;
}

export const DEFAULT_HTTP_HOST = "127.0.0.1";
export const DEFAULT_HTTP_PORT = 3333;
const ENDPOINT = "/mcp";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function hostnameOf(header: string): string {
  // "[::1]:3333" → "[::1]", "localhost:3333" → "localhost"
  return header.startsWith("[") ? header.slice(0, header.indexOf("]") + 1) : (header.split(":")[0] ?? "");
}

/**
 * A loopback server must only answer requests addressed to loopback, or a web page could reach it
 * through DNS rebinding (a hostname of the attacker's that resolves to 127.0.0.1); and a browser
 * page from another origin must not drive it at all. The MCP spec asks servers to check both.
 */
function forbidden(req: IncomingMessage, loopbackOnly: boolean): string | null {
  if (!loopbackOnly) return null;
  if (!LOOPBACK.has(hostnameOf(req.headers.host ?? ""))) return "Host header is not a loopback name";
  const origin = req.headers.origin;
  if (origin && origin !== "null") {
    try {
      if (!LOOPBACK.has(new URL(origin).hostname)) return "Origin is not a loopback origin";
    } catch {
      return "Origin header is not a URL";
    }
  }
  return null;
}

function jsonRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", error: { code, message }, id: null }));
}

/**
 * Serves MCP over Streamable HTTP at `/mcp`, statelessly: every POST gets a fresh server and
 * transport, as the SDK requires for stateless use. errsig keeps no per-client state and sends no
 * notifications, so sessions and the GET event stream would add nothing but bookkeeping.
 */
export async function serveHttp(options: HttpOptions): Promise<HttpHandle> {
  const host = options.host ?? DEFAULT_HTTP_HOST;
  const loopbackOnly = LOOPBACK.has(host);

  const http = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path !== ENDPOINT) return jsonRpcError(res, 404, -32000, `Not found: the MCP endpoint is ${ENDPOINT}`);
    const denied = forbidden(req, loopbackOnly);
    if (denied) return jsonRpcError(res, 403, -32000, `Forbidden: ${denied}`);
    if (req.method !== "POST") return jsonRpcError(res, 405, -32000, "Method not allowed: this server is stateless; send JSON-RPC with POST");

    const server = options.createServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res);
    } catch (error) {
      process.stderr.write(`errsig-mcp: ${(error as Error).stack ?? String(error)}\n`);
      if (!res.headersSent) jsonRpcError(res, 500, -32603, "Internal server error");
    }
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? DEFAULT_HTTP_PORT, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}${ENDPOINT}`,
    close: () => new Promise<void>((resolve, reject) => http.close((e) => (e ? reject(e) : resolve()))),
  };
}
