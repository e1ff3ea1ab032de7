import { describe, expect, it } from "vitest";
import { connect, run, SEED_ID, SEED_TEXT, startHttp } from "./_harness.js";

describe("command line", () => {
  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--max-text", "ten"], /--max-text must be an integer/],
    [["--port", "80"], /--host and --port only apply with --http/],
    [["--http", "--port", "70000"], /--port must be an integer from 0 to 65535/],
    [["stray"], /positional/i],
  ])("exits 2 on bad usage %j", async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: errsig-mcp/);
  });

  it("prints help to stdout and exits 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--signatures DIR/);
  });

  it("exits 1 with a sentence when the HTTP port is taken", async () => {
    const first = await startHttp();
    try {
      const { code, stderr } = await run(["--http", "--port", first.url.port]);
      expect(code).toBe(1);
      expect(stderr).toMatch(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${first.url.port}: .*EADDRINUSE`));
    } finally {
      await first.stop();
    }
  });
});

describe("--max-text N", () => {
  it("sets the size over which text is cut", async () => {
    const server = await connect("stdio", ["--max-text", "2000"]);
    try {
      const text = "noise line\n".repeat(500) + SEED_TEXT; // 5 500+ characters
      const result = await server.client.callTool({ name: "diagnose", arguments: { text } });
      const out = result.structuredContent as { diagnoses: { id: string }[]; notes: string[] };
      expect(out.notes.join(" ")).toMatch(new RegExp(`${text.length} characters, over this server's limit of 2000`));
      expect(out.diagnoses[0]?.id).toBe(SEED_ID);
      const { tools } = await server.client.listTools();
      const props = tools.find((t) => t.name === "diagnose")?.inputSchema.properties as Record<string, { description?: string }>;
      expect(props.text?.description).toMatch(/over 2000 characters is cut/);
    } finally {
      await server.close();
    }
  });
});
