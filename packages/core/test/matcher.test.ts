import { describe, expect, it } from "vitest";
import { createDiagnoser } from "../src/index.js";
import { sig } from "./fixtures.js";

const generic401 = sig("claude-code/generic-401", {
  all: [{ name: "invalid-credentials", regex: "(?<status>401)\\b.{0,40}invalid authentication credentials" }],
});
const oauthRefresh = sig("claude-code/oauth-refresh", {
  all: [
    { name: "invalid-credentials", regex: "(?<status>401)\\b.{0,40}invalid authentication credentials" },
    { name: "oauth-token-400", regex: "(?<endpoint>/v1/oauth/token)\\b.{0,40}\\b400\\b", weight: 2 },
  ],
  window: 5,
});
const d = createDiagnoser({ builtin: false, signatures: [generic401, oauthRefresh] });

describe("rule matching and ranking", () => {
  it("the most specific signature wins when both hit", () => {
    const text = "POST https://platform.claude.com/v1/oauth/token returns HTTP 400\nAPI Error: 401 Invalid authentication credentials";
    const all = d.diagnoseAll(text);
    expect(all.map((x) => x.id)).toEqual(["claude-code/oauth-refresh", "claude-code/generic-401"]);
    expect(all[0]!.confidence).toBeGreaterThan(all[1]!.confidence);
    expect(all[0]!.fields).toMatchObject({ status: "401", endpoint: "/v1/oauth/token" });
  });

  it("the generic signature answers the bare line", () => {
    expect(d.diagnose("API Error: 401 Invalid authentication credentials")?.id).toBe("claude-code/generic-401");
  });

  it("evidence outside the line window does not count", () => {
    const text = `POST /v1/oauth/token 400\n${"filler\n".repeat(20)}API Error: 401 Invalid authentication credentials`;
    expect(d.diagnose(text)?.id).toBe("claude-code/generic-401");
  });

  it("matches through wrapping, JSON escaping and ANSI codes", () => {
    for (const text of [
      "API Error: 401\n    Invalid authentication\n    credentials",
      '{\\"error\\":\\"401 Invalid authentication credentials\\"}',
      "\u001b[31mAPI Error: 401 Invalid\u001b[0m authentication credentials",
      "API Error: 401 Invalid authentication credentials\r\n",
    ])
      expect(d.diagnose(text)?.id, text).toBe("claude-code/generic-401");
  });

  it("evidence offsets point at the original input", () => {
    const text = "prefix \u001b[1m401\u001b[0m Invalid authentication\n  credentials suffix";
    const e = d.diagnose(text)!.evidence[0]!;
    expect(text.slice(e.start, e.end)).toContain("401");
    expect(text.slice(e.start, e.end)).toContain("credentials");
    expect(e.line).toBe(1);
  });

  it("stays silent on text without the required words", () => {
    expect(d.diagnose("GET /api/user 401 Bad credentials")).toBeNull();
    expect(d.diagnoseAll("")).toEqual([]);
  });
});

describe("any, none and minAny", () => {
  const s = sig("codex-cli/stream", {
    all: [{ regex: "stream disconnected before completion" }],
    any: [{ regex: "error sending request" }, { regex: "idle timeout" }],
    none: [{ literal: "unexpected status 401" }],
    minAny: 1,
  });
  const dd = createDiagnoser({ builtin: false, signatures: [s] });
  it("needs an any matcher", () => {
    expect(dd.diagnose("stream disconnected before completion")).toBeNull();
    expect(dd.diagnose("stream disconnected before completion: idle timeout waiting")?.id).toBe("codex-cli/stream");
  });
  it("a none matcher vetoes", () => {
    expect(dd.diagnose("stream disconnected before completion: error sending request; unexpected status 401")).toBeNull();
  });
  it("score adds the weights of the evidence used", () => {
    const got = dd.diagnose("stream disconnected before completion: error sending request, idle timeout");
    expect(got?.score).toBe(3);
  });
});

describe("tool hint", () => {
  const a = sig("aider/overloaded", { all: [{ regex: "overloaded_error" }] });
  const c = sig("claude-code/overloaded", { all: [{ regex: "overloaded_error" }] });
  const strong = sig("claude-code/strong", { all: [{ regex: "overloaded_error" }, { regex: "api error: 529", weight: 2 }] });
  const dd = createDiagnoser({ builtin: false, signatures: [a, c, strong] });
  it("ranks the hinted tool first on a tie", () => {
    expect(dd.diagnose('{"type":"overloaded_error"}', { tool: "aider" })?.id).toBe("aider/overloaded");
    expect(dd.diagnose('{"type":"overloaded_error"}', { tool: "claude-code" })?.id).toBe("claude-code/overloaded");
  });
  it("does not hide a clearly better match from another tool", () => {
    expect(dd.diagnose('API Error: 529 {"type":"overloaded_error"}', { tool: "aider" })?.id).toBe("claude-code/strong");
  });
  it("a tie lowers confidence", () => {
    const tie = dd.diagnose('{"type":"overloaded_error"}')!;
    const clear = dd.diagnose('API Error: 529 {"type":"overloaded_error"}')!;
    expect(tie.confidence).toBeLessThan(clear.confidence);
  });
});

describe("custom catalogs", () => {
  it("custom ids override built-in ones and bad ones fail with file and path", () => {
    expect(() => createDiagnoser({ signatures: [{ id: "x/y" }] })).toThrow(/signatures\[0\]: \$\.tool/);
  });
  it("a signature without prefilter words is rejected", () => {
    expect(() => createDiagnoser({ builtin: false, signatures: [sig("x/digits", { all: [{ regex: "\\d{3}" }] })] })).toThrow(/prefilter/);
  });
  it("builtin: false gives an empty catalog plus the custom one", () => {
    const dd = createDiagnoser({ builtin: false, signatures: [generic401] });
    expect(dd.catalog.map((s) => s.id)).toEqual(["claude-code/generic-401"]);
  });
});

describe("huge input", () => {
  it("samples head and tail beyond maxInput", () => {
    const dd = createDiagnoser({ builtin: false, signatures: [generic401], maxInput: 4096 });
    const tail = "API Error: 401 Invalid authentication credentials";
    const text = `${"x".repeat(100_000)}\n${tail}`;
    const got = dd.diagnose(text)!;
    expect(got.id).toBe("claude-code/generic-401");
    expect(text.slice(got.evidence[0]!.start, got.evidence[0]!.end)).toContain("401");
    expect(dd.diagnose(`${"x".repeat(50_000)}${tail}${"y".repeat(50_000)}`)).toBeNull();
  });
});
