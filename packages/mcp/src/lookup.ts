import type { Signature } from "@errsig/core";
import type { ServerContext } from "./context.js";
import { UserError, quote } from "./user-error.js";

/** The signature with this id, or a UserError that helps the caller find the right one. */
export function lookupSignature(ctx: ServerContext, id: string): Signature {
  const signature = ctx.diagnoser.getSignature(id.trim());
  if (signature) return signature;
  // Suggest only within a known tool: a fuzzy search on a made-up id suggests noise.
  const [tool, slug] = id.trim().split("/", 2);
  const close = tool && slug && ctx.tools.has(tool) ? ctx.diagnoser.search(slug.replace(/-+/g, " "), { limit: 3, tool }).map((h) => h.id) : [];
  const hint = close.length > 0 ? ` Did you mean ${close.join(", ")}?` : " Use search_signatures to find ids.";
  throw new UserError(`Unknown signature id ${quote(id)}.${hint}`);
}
