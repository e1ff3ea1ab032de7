import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The published JSON Schema, for files outside the errsig repository. */
export const SCHEMA_URL = "https://unpkg.com/@errsig/core/schema.json";

/** A ready-to-fill signature: every required field present, each placeholder saying what goes there. */
export function template(id: string, schema: string, today: string): object {
  const [tool] = id.split("/");
  return {
    $schema: schema,
    id,
    tool,
    category: "runtime-crash",
    title: "TODO: one line naming the root cause",
    message: "TODO: the error text exactly as the tool prints it",
    summary: "TODO: what it means, in one or two sentences.",
    why: "TODO: the mechanism behind the error.",
    causes: ["TODO: the most common cause"],
    fixes: [{ title: "TODO: what to do, as an imperative sentence", command: "TODO: the exact command" }],
    sources: [{ url: "https://github.com/OWNER/REPO/issues/NUMBER", title: "TODO: thread title", state: "open", date: today }],
    updated: today,
    match: {
      all: [{ name: "message", literal: "TODO distinctive phrase", weight: 2 }],
      any: [],
      none: [],
    },
    examples: [{ text: "TODO: paste the real error text from a public thread" }],
    counterexamples: [],
  };
}

/** `errsig new TOOL/SLUG`: writes DIR/TOOL/SLUG.json and prints its path. */
export function newCommand(ctx: Context, id: string, options: { dir?: string }): number {
  if (!ID.test(id)) throw new CliError(`"${id}" is not TOOL/SLUG in kebab-case (e.g. my-tool/rate-limit-429)`);
  const dir = options.dir ?? "signatures";
  const [tool, slug] = id.split("/") as [string, string];
  const file = join(dir, tool, `${slug}.json`);
  if (existsSync(file)) throw new CliError(`${file} already exists`);
  // Inside the errsig repository the schema sits next to the tool folders; elsewhere use the published one.
  const schema = existsSync(join(dir, "schema.json")) ? "../schema.json" : SCHEMA_URL;
  try {
    mkdirSync(join(dir, tool), { recursive: true });
    writeFileSync(file, `${JSON.stringify(template(id, schema, new Date().toISOString().slice(0, 10)), null, 2)}\n`, { flag: "wx" });
  } catch (e) {
    throw new CliError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  ctx.print(relative(process.cwd(), file) || file);
  process.stderr.write(`Fill in the TODOs, then check it: errsig validate ${dir}\n`);
  return EXIT.diagnosed;
}
