import { catalog, CATEGORIES } from "@errsig/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, SEED_ID, SEED_TEXT, textOf, type Connected, type TransportKind } from "./_harness.js";

interface DiagnosisOut {
  id: string;
  uri: string;
  confidence: number;
  fixes: { title: string }[];
  sources: { url: string }[];
  evidence: { start: number; end: number; line: number; text: string }[];
}
type DiagnoseOut = { diagnoses: DiagnosisOut[]; notes: string[] };
type SearchOut = { hits: { id: string; uri: string; title: string; tool: string; category: string }[] };

describe.each<TransportKind>(["stdio", "http"])("errsig-mcp over %s", (kind) => {
  let server: Connected;
  beforeAll(async () => {
    server = await connect(kind);
  });
  afterAll(async () => {
    await server?.close();
  });
  const call = (name: string, args: Record<string, unknown>) => server.client.callTool({ name, arguments: args });

  it("lists the three tools, each with a described input schema and an output schema", async () => {
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["diagnose", "get_signature", "search_signatures"]);
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(80);
      expect(tool.outputSchema?.type).toBe("object");
      for (const [, prop] of Object.entries(tool.inputSchema.properties ?? {})) expect((prop as { description?: string }).description).toBeTruthy();
    }
    const diagnose = tools.find((t) => t.name === "diagnose");
    expect(diagnose?.inputSchema.required).toEqual(["text"]);
  });

  describe("diagnose", () => {
    it("names the OAuth-refresh signature for the seed case, with fixes, sources and evidence", async () => {
      const result = await call("diagnose", { text: SEED_TEXT });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as DiagnoseOut;
      const top = out.diagnoses[0];
      expect(top?.id).toBe(SEED_ID);
      expect(top?.uri).toBe(`errsig://signature/${SEED_ID}`);
      expect(top?.fixes.length).toBeGreaterThan(0);
      expect(top?.sources.length).toBeGreaterThan(0);
      expect(top?.evidence.length).toBeGreaterThan(0);
      for (const e of top?.evidence ?? []) expect(SEED_TEXT.slice(e.start, e.end)).toBe(e.text);
      // The text block carries the same structure for clients without structured output.
      expect(JSON.parse(textOf(result))).toEqual(out);
    });

    it("accepts a tool hint by id, display name or alias", async () => {
      for (const tool of ["claude-code", "Claude Code", "claude"]) {
        const out = (await call("diagnose", { text: SEED_TEXT, tool })).structuredContent as DiagnoseOut;
        expect(out.diagnoses[0]?.id).toBe(SEED_ID);
      }
    });

    it("returns at most `limit` diagnoses", async () => {
      const out = (await call("diagnose", { text: SEED_TEXT, limit: 1 })).structuredContent as DiagnoseOut;
      expect(out.diagnoses).toHaveLength(1);
    });

    it("returns an empty list with a note when nothing matches", async () => {
      const result = await call("diagnose", { text: "error TS2322: Type 'string' is not assignable to type 'number'." });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as DiagnoseOut;
      expect(out.diagnoses).toEqual([]);
      expect(out.notes.join(" ")).toMatch(/no signature/i);
    });

    it("cuts text over the limit with a note, keeps the tail, and points evidence into the full text", async () => {
      const padding = "INFO all good here\n".repeat(20_000); // ~380 000 chars, over the 100 000 default
      const text = padding + SEED_TEXT;
      const result = await call("diagnose", { text });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as DiagnoseOut;
      expect(out.notes.join(" ")).toMatch(new RegExp(`${text.length} characters.*limit of 100000`));
      const top = out.diagnoses[0];
      expect(top?.id).toBe(SEED_ID);
      expect(top?.evidence.length).toBeGreaterThan(0);
      for (const e of top?.evidence ?? []) {
        expect(text.slice(e.start, e.end)).toBe(e.text);
        expect(e.line).toBeGreaterThan(20_000);
      }
    });

    it.each([
      ["no text", {}, /text/],
      ["empty text", { text: "" }, /text/],
      ["text not a string", { text: 42 }, /expected string/],
      ["limit out of range", { text: SEED_TEXT, limit: 0 }, /limit/],
      ["limit not an integer", { text: SEED_TEXT, limit: 1.5 }, /limit/],
      ["minConfidence over 1", { text: SEED_TEXT, minConfidence: 2 }, /minConfidence/],
      ["unknown tool", { text: SEED_TEXT, tool: "notepad" }, /Unknown tool "notepad". Known tools: .*claude-code/],
    ])("rejects %s with a clear tool error", async (_, args, message) => {
      const result = await call("diagnose", args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(message);
    });
  });

  describe("search_signatures", () => {
    it("finds the OAuth-refresh signature from a description", async () => {
      const result = await call("search_signatures", { words: "oauth token refresh 400 revoked" });
      expect(result.isError).toBeFalsy();
      const { hits } = result.structuredContent as SearchOut;
      expect(hits.slice(0, 5).map((h) => h.id)).toContain(SEED_ID);
      expect(hits.find((h) => h.id === SEED_ID)?.title).toBe(catalog.find((s) => s.id === SEED_ID)?.title);
    });

    it("filters by tool and category", async () => {
      const { hits } = (await call("search_signatures", { words: "authentication token", tool: "claude-code", category: "auth" }))
        .structuredContent as SearchOut;
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) expect([h.tool, h.category]).toEqual(["claude-code", "auth"]);
    });

    it("lists entries by filter when no words are given", async () => {
      const { hits } = (await call("search_signatures", { tool: "gemini-cli", limit: 100 })).structuredContent as SearchOut;
      expect(hits.map((h) => h.id).sort()).toEqual(catalog.filter((s) => s.tool === "gemini-cli").map((s) => s.id).sort());
    });

    it.each([
      ["an unknown category", { words: "oauth", category: "weather" }, /category/],
      ["an unknown tool", { words: "oauth", tool: "notepad" }, /Unknown tool "notepad"/],
      ["words not a string", { words: ["oauth"] }, /words/],
      ["limit too large", { words: "oauth", limit: 1000 }, /limit/],
    ])("rejects %s with a clear tool error", async (_, args, message) => {
      const result = await call("search_signatures", args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(message);
    });

    it("offers every category in its input schema", async () => {
      const { tools } = await server.client.listTools();
      const props = tools.find((t) => t.name === "search_signatures")?.inputSchema.properties as Record<string, { enum?: string[] }>;
      expect(props.category?.enum).toEqual([...CATEGORIES]);
    });
  });

  describe("get_signature", () => {
    it("returns the whole entry", async () => {
      const result = await call("get_signature", { id: SEED_ID });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as { signature: unknown }).signature).toEqual(catalog.find((s) => s.id === SEED_ID));
    });

    it("rejects an unknown id, suggesting ids of the same tool", async () => {
      const result = await call("get_signature", { id: "claude-code/oauth-refresh" });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Unknown signature id "claude-code\/oauth-refresh"\. Did you mean claude-code\/oauth-refresh-400-after-early-revocation[,?]/);
    });

    it.each([
      ["a missing id", {}],
      ["a non-string id", { id: 7 }],
    ])("rejects %s with a clear tool error", async (_, args) => {
      const result = await call("get_signature", args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Invalid arguments for tool get_signature: .*\bid\b/);
    });
  });

  describe("resources", () => {
    it("lists every signature as errsig://signature/{id}", async () => {
      const { resources } = await server.client.listResources();
      expect(resources.map((r) => r.uri).sort()).toEqual(catalog.map((s) => `errsig://signature/${s.id}`).sort());
      const { resourceTemplates } = await server.client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(["errsig://signature/{+id}"]);
    });

    it("reads one signature as JSON", async () => {
      const uri = `errsig://signature/${SEED_ID}`;
      const { contents } = await server.client.readResource({ uri });
      expect(contents[0]?.uri).toBe(uri);
      expect(contents[0]?.mimeType).toBe("application/json");
      expect(JSON.parse(String((contents[0] as { text?: string } | undefined)?.text))).toEqual(catalog.find((s) => s.id === SEED_ID));
    });

    it("answers an unknown signature with resource-not-found (-32002)", async () => {
      await expect(server.client.readResource({ uri: "errsig://signature/claude-code/no-such-thing" })).rejects.toMatchObject({
        code: -32002,
        message: expect.stringMatching(/Unknown signature id "claude-code\/no-such-thing"/),
      });
    });
  });
});
