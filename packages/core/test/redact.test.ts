import { describe, expect, it } from "vitest";
import { createDiagnoser, redact } from "../src/index.js";
import { sig } from "./fixtures.js";
import { SECRETS, secretCore as core } from "./secrets.js";

describe("redact", () => {
  it.each(SECRETS)("%s", (_name, secret) => {
    const out = redact(`Error: request failed with ${secret} while calling the API`);
    expect(out).not.toContain(core(secret));
    expect(out).toContain("REDACTED");
  });

  it("leaves ordinary error text alone", () => {
    const text = "API Error: 401 Invalid authentication credentials · Please run /login (max_tokens: 4096)";
    expect(redact(text)).toBe(text);
  });

  it("keeps secrets out of evidence and fields", () => {
    const s = sig("x/auth", {
      all: [{ regex: "invalid api key.{0,200}" }],
    }, { extract: [{ field: "requestId", regex: "key (\\S+)" }] });
    const d = createDiagnoser({ builtin: false, signatures: [s] });
    for (const [, secret] of SECRETS) {
      const text = `Invalid API key ${secret} provided`;
      const got = d.diagnose(text);
      expect(got, secret).not.toBeNull();
      expect(JSON.stringify(got)).not.toContain(core(secret));
    }
  });
});

describe("evidence longer than the excerpt", () => {
  it("is redacted before it is cut, so a secret on the cut is not half-shown", () => {
    const s = sig("x/long", { all: [{ regex: "invalid api key[^\\n]{0,1200}" }] });
    const d = createDiagnoser({ builtin: false, signatures: [s] });
    const jwt = SECRETS.find(([name]) => name === "JWT")![1];
    for (let pad = 380; pad < 500; pad += 3) {
      const text = `Invalid API key ${"x".repeat(pad)} ${jwt} trailing`;
      const got = d.diagnose(text)!;
      expect(got.evidence[0]!.text.length).toBeLessThanOrEqual(500);
      expect(got.evidence[0]!.text).not.toContain(jwt.split(".")[1]!.slice(0, 12));
    }
  });
});
