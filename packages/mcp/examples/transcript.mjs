// Drives the built server (dist/bin.js) with the MCP SDK's own Client over stdio and prints each
// request and the server's answer: the README's transcript is this script's real output.
// Run: pnpm --filter @errsig/mcp build && node packages/mcp/examples/transcript.mjs
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const client = new Client({ name: "transcript", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin] }));

const calls = [
  {
    name: "diagnose",
    arguments: {
      text: "API Error: 401 Invalid authentication credentials\n[DEBUG] POST https://platform.claude.com/v1/oauth/token returns HTTP 400",
      tool: "claude-code",
      limit: 1,
    },
  },
  { name: "get_signature", arguments: { id: "claude-code/oauth-refresh" } },
];
for (const call of calls) {
  console.log(`→ tools/call ${JSON.stringify(call)}`);
  const result = await client.callTool(call);
  console.log(`← isError: ${result.isError ?? false}`);
  for (const block of result.content) console.log(block.text);
  console.log();
}
await client.close();
