import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { readStdin, readTextFile } from "../input.js";
import { renderAlternatives, renderDiagnosis, renderNoMatch } from "../render.js";

export interface DiagnoseOptions {
  file?: string;
  all?: boolean;
  tool?: string;
  json?: boolean;
}

/** `errsig [diagnose] [TEXT…]`: the best diagnosis of the text, for a person or (--json) a program. */
export async function diagnoseCommand(ctx: Context, words: string[], options: DiagnoseOptions): Promise<number> {
  const text = options.file !== undefined ? readTextFile(options.file) : words.length > 0 ? words.join(" ") : await readStdin();
  const found = ctx.diagnoser().diagnoseAll(text, { tool: options.tool, limit: options.all ? 5 : 1 });
  if (options.json) {
    ctx.print(JSON.stringify(options.all ? found : (found[0] ?? null), null, 2));
    return found.length > 0 ? EXIT.diagnosed : EXIT.nothing;
  }
  const [best, ...rest] = found;
  if (!best) {
    ctx.print(renderNoMatch(ctx.colors, text));
    return EXIT.nothing;
  }
  ctx.print(renderDiagnosis(ctx.colors, best, text, ctx.cols) + (options.all ? renderAlternatives(ctx.colors, rest, ctx.cols) : ""));
  return EXIT.diagnosed;
}
