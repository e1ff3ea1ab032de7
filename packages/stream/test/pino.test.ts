import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleErrors, type Planted } from "./_corpus.js";

// A real pino logger writing through the built transport in a worker thread, resolved by its
// package name the way users write it.
let err: Planted;
let multi: Planted;
beforeAll(async () => {
  ({ line: err, multi } = await sampleErrors());
});

async function logThrough(options: Record<string, unknown>, log: (logger: pino.Logger) => void): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "errsig-pino-"));
  const file = join(dir, "app.log");
  const transport = pino.transport({ target: "@errsig/stream/pino", options: { destination: file, ...options } });
  const logger = pino(transport);
  log(logger);
  await new Promise<void>((resolve) => {
    transport.on("close", resolve);
    transport.end();
  });
  return readFileSync(file, "utf8").split("\n").filter(Boolean);
}

describe("pino transport", () => {
  it("annotates a diagnosed record and passes the others through", async () => {
    const lines = await logThrough({}, (logger) => {
      logger.info("server started");
      logger.error(err.case.text);
      logger.warn({ user: "x" }, "slow request");
    });
    expect(lines).toHaveLength(3);
    const [first, second, third] = lines.map((l) => JSON.parse(l));
    expect(first).toMatchObject({ msg: "server started" });
    expect(first).not.toHaveProperty("errsig");
    expect(second).toMatchObject({ level: 50, msg: err.case.text, errsig: { id: err.id, line: 2 } });
    expect(third).toMatchObject({ msg: "slow request", user: "x" });
    expect(third).not.toHaveProperty("errsig");
  });

  it("diagnoses an Error logged with its stack (err.stack)", async () => {
    const lines = await logThrough({}, (logger) => {
      const e = new Error(multi.case.text);
      logger.error(e, "upstream call failed");
      logger.error({ err: e }, "again");
    });
    const records = lines.map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    for (const r of records) expect(r.errsig?.id).toBe(multi.id);
  });

  it("only-diagnosed and dedupe work through the transport options", async () => {
    const lines = await logThrough({ mode: "only-diagnosed", dedupe: { lines: 100 } }, (logger) => {
      for (let i = 0; i < 20; i++) {
        logger.info(`tick ${i}`);
        logger.error(err.case.text);
      }
    });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).errsig.id).toBe(err.id);
  });

  it("works as a step of a pino pipeline", async () => {
    const dir = mkdtempSync(join(tmpdir(), "errsig-pino-"));
    const file = join(dir, "piped.log");
    const transport = pino.transport({
      pipeline: [{ target: "@errsig/stream/pino", options: { pipeline: true } }, { target: "pino/file", options: { destination: file } }],
    });
    const logger = pino(transport);
    logger.info("hello");
    logger.error(err.case.text);
    await new Promise<void>((resolve) => {
      transport.on("close", resolve);
      transport.end();
    });
    const records = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(records.map((r) => r.errsig?.id ?? null)).toEqual([null, err.id]);
  });
});
