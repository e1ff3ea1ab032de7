// The product's seed case (issue 2), through the built package as users import it.
import { describe, expect, it } from "vitest";
import { diagnose, diagnoseAll, search } from "@errsig/core";

const BARE = "API Error: 401 Invalid authentication credentials";
const WITH_REFRESH = "[DEBUG] POST https://platform.claude.com/v1/oauth/token returned 400\nPlease run /login\nAPI Error: 401 Invalid authentication credentials";
const ID = "claude-code/oauth-refresh-400-after-early-revocation";

describe("seed case", () => {
  it("the 401 plus the oauth/token 400 diagnoses to the OAuth-refresh signature with more confidence than the bare 401", () => {
    const full = diagnose(WITH_REFRESH)!;
    const bare = diagnose(BARE)!;
    expect(full.id).toBe(ID);
    expect(full.confidence).toBeGreaterThan(bare.confidence);
    expect(full.fields.endpoint).toContain("/v1/oauth/token");
    expect(full.evidence.length).toBeGreaterThanOrEqual(2);
    for (const e of full.evidence) expect(WITH_REFRESH.slice(e.start, e.end)).toBe(e.text);
  });
  it("fixes are concrete and sources are the public threads", () => {
    const d = diagnose(WITH_REFRESH)!;
    expect(d.fixes.some((f) => f.command === "claude setup-token")).toBe(true);
    expect(d.sources.map((s) => s.url)).toContain("https://github.com/anthropics/claude-code/issues/54443");
  });
  it("diagnoseAll ranks and respects the limit", () => {
    const all = diagnoseAll(WITH_REFRESH, { limit: 2 });
    expect(all.length).toBeLessThanOrEqual(2);
    expect(all[0]!.id).toBe(ID);
  });
  it("a person's description finds it through search", () => {
    expect(search("Claude Code keeps asking me to /login every few hours", { limit: 5 }).map((h) => h.id)).toContain(ID);
  });
  it("paraphrased text gets a fuzzy, low-confidence answer; log lines and pasted errors get none", () => {
    const fuzzy = diagnose("claude keeps asking me to /login")!;
    expect(fuzzy.id).toBe(ID);
    expect(fuzzy.matchedBy).toBe("fuzzy");
    expect(fuzzy.confidence).toBeLessThanOrEqual(0.5);
    expect(diagnose("claude keeps asking me to /login", { fuzzy: false })).toBeNull();
    expect(diagnose('{"log":"Error: Claude Code process exited with code 1"}')?.matchedBy ?? "none").not.toBe("fuzzy");
    expect(diagnose("081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating")).toBeNull();
    expect(diagnose("my database cursor was closed before the claude import finished")).toBeNull();
    // A shell's own message is pasted output, not a description: no fuzzy guess at an install page.
    expect(diagnose("fish: Unknown command: claude")).toBeNull();
    expect(diagnose("zsh: command not found: codex")).toBeNull();
  });
});
