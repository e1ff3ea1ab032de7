// Every published package passes publint and @arethetypeswrong/cli on its packed tarball.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { describe, expect, it } from "vitest";

const root = new URL("../../packages/", import.meta.url).pathname;
const packages = readdirSync(root)
  .map((dir) => join(root, dir))
  .filter((dir) => existsSync(join(dir, "package.json")))
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown> }))
  .filter(({ pkg }) => pkg.private !== true);

describe.each(packages.map((p) => [p.pkg.name as string, p] as const))("%s", (_name, { dir, pkg }) => {
  it("has the package shape (type module, engines, files, exports with types first)", () => {
    expect(pkg.type).toBe("module");
    expect((pkg.engines as Record<string, string>).node).toBe(">=20");
    expect(Array.isArray(pkg.files)).toBe(true);
    expect((pkg.repository as Record<string, string>).directory).toBe(`packages/${dir.split("/").pop()}`);
    const exports = pkg.exports as Record<string, unknown> | undefined;
    if (exports) {
      expect(exports["./package.json"]).toBe("./package.json");
      const main = JSON.stringify(exports["."]);
      expect(main.indexOf('"types"')).toBeLessThan(main.indexOf('"default"'));
    }
  });

  it("passes publint", async () => {
    const { messages } = await publint({ pkgDir: dir, level: "warning", pack: "pnpm" });
    expect(messages.map((m) => `${m.code} ${JSON.stringify(m.args)}`)).toEqual([]);
  });

  it("passes @arethetypeswrong/cli on the packed tarball", () => {
    // Bin-only packages (no exports) have no types to check.
    if (!pkg.exports) return;
    const bin = join(root, "..", "node_modules", ".bin", "attw");
    const profile = (pkg.errsig as { attwProfile?: string } | undefined)?.attwProfile;
    const args = ["--pack", dir, "--format", "ascii", ...(profile ? ["--profile", profile] : [])];
    expect(() => execFileSync(bin, args, { encoding: "utf8", stdio: "pipe" })).not.toThrow();
  });
});
