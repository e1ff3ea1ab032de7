import type { Signature } from "@errsig/core";
import type { ServerContext } from "./context.js";
import { UserError, quote } from "./user-error.js";

/** The signature with this id, or a UserError that helps the caller find the right one. */
export function lookupSignature(ctx: ServerContext, id: string): Signature {
  const signature = ctx.diagnoser.getSignature(id.trim());
  if (signature) return signature;
  // Suggest only within a known tool: a fuzzy search on a made-up id suggests noise. Ids that
  // extend what was typed (a truncated id) come first, then the search's best guesses.
  const [tool, slug] = id.trim().toLowerCase().split("/", 2);
  const close =
    tool && slug && ctx.tools.has(tool)
      ? [
          ...new Set([
            ...ctx.diagnoser.catalog.filter((s) => s.id.startsWith(`${tool}/${slug}`)).map((s) => s.id),
            ...ctx.diagnoser.search(slug.replace(/-+/g, " "), { limit: 3, tool }).map((h) => h.id),
          ]),
        ].slice(0, 3)
      : [];
  const hint = close.length > 0 ? ` Did you mean ${close.join(", ")}?` : " Use search_signatures to find ids.";
  throw new UserError(`Unknown signature id ${quote(id)}.${hint}`);
}
