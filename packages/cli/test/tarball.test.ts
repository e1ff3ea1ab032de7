import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { errsig, plain } from "./_run.js";

// What a user gets: the three packages packed as they would be published, installed with npm into an
// empty folder, and the installed bin run.
const PACKAGES = ["core", "stream", "cli"].map((p) => fileURLToPath(new URL(`../../${p}/`, import.meta.url)));
let bin: string;
let project: string;

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), "errsig-tarball-"));
  const packs = join(root, "packs");
  mkdirSync(packs);
  for (const dir of PACKAGES) execFileSync("pnpm", ["pack", "--pack-destination", packs], { cwd: dir, stdio: "pipe" });
  const tarballs = readdirSync(packs).filter((f) => f.endsWith(".tgz")).map((f) => join(packs, f));
  expect(tarballs).toHaveLength(3);
  project = join(root, "project");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "try-errsig", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: project, stdio: "pipe" });
  bin = join(project, "node_modules", "errsig", "dist", "cli.js");
}, 300_000);

describe("the installed tarball", () => {
  it("has a working bin link", () => {
    const out = execFileSync(join(project, "node_modules", ".bin", "errsig"), ["--version"], { encoding: "utf8" });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("diagnoses, exits 1 on no match and 2 on bad usage", async () => {
    const hit = await errsig(["--json", "API Error: 529 {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"], { bin, cwd: project });
    expect(hit.code).toBe(0);
    expect(JSON.parse(hit.stdout).category).toBe("server-overloaded");
    expect((await errsig(["the coffee machine is out of beans"], { bin, cwd: project })).code).toBe(1);
    expect((await errsig(["--frobnicate"], { bin, cwd: project })).code).toBe(2);
  });

  it("scans stdin, lists, shows, searches, scaffolds and validates", async () => {
    const scan = await errsig(["scan", "-", "--json"], {
      bin,
      cwd: project,
      input: 'INFO start\nAPI Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\nINFO done\n',
    });
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.stdout).files[0].findings[0]).toMatchObject({ count: 1, firstLine: 2 });
    const list = await errsig(["list", "--json"], { bin, cwd: project });
    const ids = (JSON.parse(list.stdout) as { id: string }[]).map((s) => s.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(plain((await errsig(["show", ids[0]!], { bin, cwd: project })).stdout)).toContain("\nFixes\n");
    expect((await errsig(["search", "overloaded"], { bin, cwd: project })).code).toBe(0);
    expect((await errsig(["new", "acme/thing"], { bin, cwd: project })).code).toBe(0);
    // The scaffold is not filled in yet, so validate finds problems (this runs the ReDoS checker too).
    const validate = await errsig(["validate", "signatures"], { bin, cwd: project });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/\$\.examples\[0\]: diagnosed as nothing/);
  });
});
