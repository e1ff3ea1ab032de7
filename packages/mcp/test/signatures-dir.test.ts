import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { custom, folder, removeFolders } from "./_fixtures.js";
import { connect, run, SEED_ID, SEED_TEXT } from "./_harness.js";

afterAll(removeFolders);

describe("--signatures DIR", () => {
  it("adds the folder's signatures (read recursively) to the built-in catalog", async () => {
    const dir = folder({ "acme-cli/license-server-unreachable.json": JSON.stringify(custom) });
    const server = await connect("stdio", ["--signatures", dir]);
    try {
      const call = (name: string, args: Record<string, unknown>) => server.client.callTool({ name, arguments: args });
      const own = (await call("diagnose", { text: custom.examples[0]?.text })).structuredContent as { diagnoses: { id: string }[] };
      expect(own.diagnoses[0]?.id).toBe(custom.id);
      const builtin = (await call("diagnose", { text: SEED_TEXT })).structuredContent as { diagnoses: { id: string }[] };
      expect(builtin.diagnoses[0]?.id).toBe(SEED_ID);
      const got = (await call("get_signature", { id: custom.id })).structuredContent as { signature: { title: string } };
      expect(got.signature.title).toBe(custom.title);
      const listed = (await call("search_signatures", { tool: "acme-cli" })).structuredContent as { hits: { id: string }[] };
      expect(listed.hits.map((h) => h.id)).toEqual([custom.id]);
    } finally {
      await server.close();
    }
  });

  it.each([
    [
      "a schema violation, naming file and JSON path",
      { "acme-cli/bad.json": JSON.stringify({ ...custom, category: "weather" }) },
      /acme-cli\/bad\.json: \$\.category: /,
    ],
    [
      "a schema violation inside an array file, with the index in the path",
      { "many.json": JSON.stringify([custom, { ...custom, id: "acme-cli/second", fixes: [{ title: "x" }] }]) },
      /many\.json: \$\[1\]\.fixes\[0\]\.title: /,
    ],
    ["invalid JSON", { "sub/dir/broken.json": '{ "id": ' }, /sub\/dir\/broken\.json: not valid JSON/],
    [
      "a matcher the prefilter cannot index",
      { "nolit.json": JSON.stringify({ ...custom, match: { all: [{ regex: "\\d+\\s+\\d+" }] } }) },
      /nolit\.json: .*\$\.match\.all/,
    ],
    [
      "the same id in two files",
      { "a.json": JSON.stringify(custom), "b.json": JSON.stringify(custom) },
      /b\.json: \$\.id: acme-cli\/license-server-unreachable is already defined in .*a\.json/,
    ],
    ["an empty folder", {}, /no \*\.json signature files/],
  ])("refuses to start on %s", async (_, files, message) => {
    const { code, stdout, stderr } = await run(["--signatures", folder(files)]);
    expect(code).toBe(1);
    expect(stdout).toBe(""); // stdout is the protocol channel: nothing human goes there
    expect(stderr).toMatch(/cannot load custom signatures/);
    expect(stderr).toMatch(message);
  });

  it("refuses an id defined in two folders", async () => {
    const a = folder({ "x.json": JSON.stringify(custom) });
    const b = folder({ "y.json": JSON.stringify(custom) });
    const { code, stderr } = await run(["--signatures", a, "--signatures", b]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/y\.json: \$\.id: acme-cli\/license-server-unreachable is already defined in .*x\.json/);
  });

  it("refuses to start on a folder that does not exist", async () => {
    const { code, stderr } = await run(["--signatures", join(tmpdir(), "errsig-mcp-does-not-exist")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot read signature folder .*errsig-mcp-does-not-exist/);
  });
});
