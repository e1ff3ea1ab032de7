import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The WHATWG entry must run where there is no Node: nothing in its built bundle may import a Node
// built-in, nor name Node-only globals.
const dist = new URL("../dist/", import.meta.url);

describe("the @errsig/stream/web bundle", () => {
  it.each(["web.js", "web.cjs"])("%s imports nothing from Node", (file) => {
    const code = readFileSync(new URL(file, dist), "utf8");
    expect(code).not.toMatch(/from\s+["'](?:node:)?(?:stream|fs|path|events|buffer|worker_threads|os|util)["']/);
    expect(code).not.toMatch(/require\(["'](?:node:)?(?:stream|fs|path|events|buffer|worker_threads|os|util)["']\)/);
    expect(code).not.toContain("node:");
    expect(code).not.toMatch(/\bBuffer\.|\bprocess\./);
  });

  it("exports the WHATWG stream and scan", async () => {
    const web = await import(new URL("web.js", dist).href);
    expect(typeof web.createDiagnoseTransformStream).toBe("function");
    expect(typeof web.scan).toBe("function");
    expect(web.createDiagnoseStream).toBeUndefined();
  });
});
