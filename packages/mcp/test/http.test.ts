import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttp } from "./_harness.js";

function send(url: URL, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let data = "";
      res.on("data", (c: Buffer) => (data += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const INIT = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "0" } },
});
const HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

describe("errsig-mcp --http", () => {
  let server: Awaited<ReturnType<typeof startHttp>>;
  beforeAll(async () => {
    server = await startHttp();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("binds to 127.0.0.1 by default", () => {
    expect(server.url.hostname).toBe("127.0.0.1");
    expect(server.url.pathname).toBe("/mcp");
  });

  it("answers an initialize POST", async () => {
    const res = await send(server.url, "POST", HEADERS, INIT);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ id: 1, result: { serverInfo: { name: "errsig" } } });
  });

  it.each([
    ["a foreign Host header (DNS rebinding)", "POST", { ...HEADERS, host: "evil.example:80" }, 403],
    ["a foreign Origin", "POST", { ...HEADERS, origin: "https://evil.example" }, 403],
    ["GET (no event stream on a stateless server)", "GET", { accept: "text/event-stream" }, 405],
  ])("refuses %s", async (_, method, headers, status) => {
    const res = await send(server.url, method, headers, method === "POST" ? INIT : undefined);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error.message).toBeTruthy();
  });

  it("accepts a localhost Origin", async () => {
    const res = await send(server.url, "POST", { ...HEADERS, origin: "http://localhost:5173" }, INIT);
    expect(res.status).toBe(200);
  });

  it("answers a body over the SDK's 4 MiB limit with 413, and keeps serving", async () => {
    const text = "x".repeat(5 * 1024 * 1024);
    const body = JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "diagnose", arguments: { text } } });
    const res = await send(server.url, "POST", HEADERS, body);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/Payload Too Large/);
    expect((await send(server.url, "POST", HEADERS, INIT)).status).toBe(200);
  });

  it("answers 404 off the endpoint", async () => {
    const res = await send(new URL("/other", server.url), "POST", HEADERS, INIT);
    expect(res.status).toBe(404);
  });
});
