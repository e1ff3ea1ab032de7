import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folder, keyRejected, removeFolders } from "./_fixtures.js";
import { connect, SEED_ID, type Connected } from "./_harness.js";

/**
 * Secrets pasted with an error must not come back in any output: core redacts evidence and fields,
 * and this server must not echo input anywhere else (error messages quoting an id or a tool name,
 * notes, search hits). Each secret is realistic enough that core's patterns apply to it.
 */
const SECRETS = {
  anthropic: "sk-ant-api03-Zx8QmV2pLk5RtY7uWn3BcD9fGhJ1eK4sA6oP0iU",
  github: "ghp_R4nd0mT0k3nV4lu3F0rT3st1ng0123456789",
  bearer: "Qk9ndXNCZWFyZXJUb2tlblZhbHVlRm9yVGVzdGluZw",
  openai: "sk-proj-T3stK3yF0rErrs1gMcpR3d4ct10nCh3ck1ng",
};

const TEXT = [
  "API Error: 401 Invalid authentication credentials",
  `  request headers: {"x-api-key":"${SECRETS.anthropic}","authorization":"Bearer ${SECRETS.bearer}"}`,
  `[DEBUG] POST https://platform.claude.com/v1/oauth/token returns HTTP 400 (Authorization: Bearer ${SECRETS.bearer})`,
  `git push https://${SECRETS.github}@github.com/acme/app.git with OPENAI_API_KEY=${SECRETS.openai}`,
].join("\n");

function leaked(output: unknown): string[] {
  const serialised = JSON.stringify(output);
  return Object.entries(SECRETS)
    .filter(([, secret]) => serialised.includes(secret) || serialised.includes(secret.slice(-16)))
    .map(([name]) => name);
}

describe.each(["stdio", "http"] as const)("no secret comes back over %s", (kind) => {
  let server: Connected;
  beforeAll(async () => {
    server = await connect(kind, ["--signatures", folder({ "key-rejected.json": JSON.stringify(keyRejected) })]);
  });
  afterAll(async () => {
    await server?.close();
    removeFolders();
  });
  const call = (name: string, args: Record<string, unknown>) => server.client.callTool({ name, arguments: args });

  it("diagnose still finds the signature and echoes no secret", async () => {
    const result = await call("diagnose", { text: TEXT, limit: 20, minConfidence: 0 });
    expect((result.structuredContent as { diagnoses: { id: string }[] }).diagnoses[0]?.id).toBe(SEED_ID);
    expect(leaked(result)).toEqual([]);
  });

  it("diagnose redacts a secret inside matched evidence", async () => {
    const result = await call("diagnose", { text: `${TEXT}
ACME-E401 key rejected: ${SECRETS.anthropic}`, limit: 20, minConfidence: 0 });
    const { diagnoses } = result.structuredContent as { diagnoses: { id: string; evidence: { text: string }[] }[] };
    const evidence = diagnoses.find((d) => d.id === keyRejected.id)?.evidence.map((e) => e.text);
    expect(evidence).toEqual(["ACME-E401 key rejected: sk-ant-[REDACTED]"]);
    expect(leaked(result)).toEqual([]);
  });

  it("diagnose with a text cut at the limit leaks nothing either", async () => {
    const text = `${TEXT}\n${"filler line\n".repeat(20_000)}${TEXT}`;
    expect(leaked(await call("diagnose", { text, limit: 20, minConfidence: 0 }))).toEqual([]);
  });

  it.each([
    ["diagnose, secret as tool hint", "diagnose", { text: TEXT, tool: SECRETS.anthropic }],
    ["search_signatures, secrets in words", "search_signatures", { words: TEXT }],
    ["search_signatures, secret as tool", "search_signatures", { words: "oauth", tool: SECRETS.github }],
    ["get_signature, secret as id", "get_signature", { id: SECRETS.anthropic }],
    ["get_signature, secret inside a plausible id", "get_signature", { id: `claude-code/${SECRETS.github}` }],
    ["get_signature, bearer header as id", "get_signature", { id: `Bearer ${SECRETS.bearer}` }],
  ])("%s", async (_, name, args) => {
    expect(leaked(await call(name, args))).toEqual([]);
  });

  it("reading a resource named by a secret fails without echoing it", async () => {
    const error = await server.client.readResource({ uri: `errsig://signature/claude-code/${SECRETS.github}` }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32002 });
    expect(leaked({ message: (error as Error).message })).toEqual([]);
  });
});
