import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { validate } from "../validate.js";

/** `errsig validate DIR|FILE…`: exit 1 on any problem; problems go to stdout, they are the result. */
export async function validateCommand(ctx: Context, paths: string[], options: { json?: boolean }): Promise<number> {
  if (paths.length === 0) throw new CliError("validate needs a folder or files (errsig validate ./signatures)");
  const result = await validate(paths, ctx.custom);
  if (result.files === 0) throw new CliError(`no signature files (*.json) in ${paths.join(", ")}`);
  const c = ctx.colors;
  if (options.json) ctx.print(JSON.stringify(result, null, 2));
  else {
    const lines = result.problems.map(
      (p) => `${c.bold(p.file)}: ${c.cyan(p.path)}: ${p.message}${p.hint ? `\n  ${c.dim(`hint: ${p.hint}`)}` : ""}`,
    );
    const n = result.problems.length;
    lines.push(
      `${result.files} file(s), ${result.signatures} signature(s) checked: ${n === 0 ? c.green("no problems") : c.red(`${n} problem${n === 1 ? "" : "s"}`)}`,
    );
    ctx.print(lines.join("\n"));
  }
  return result.problems.length > 0 ? EXIT.nothing : EXIT.diagnosed;
}
