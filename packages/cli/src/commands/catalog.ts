// `errsig list`, `errsig show ID`, `errsig search WORDS`: reading the catalog.
import { CATEGORIES } from "@errsig/core";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { renderList, renderSearch, renderSignature } from "../render.js";

export interface ListOptions {
  tool?: string;
  category?: string;
  json?: boolean;
}

export function listCommand(ctx: Context, options: ListOptions): number {
  const catalog = ctx.diagnoser().catalog;
  const tools = [...new Set(catalog.map((s) => s.tool))].sort();
  if (options.tool && !tools.includes(options.tool)) throw new CliError(`unknown tool "${options.tool}" (known: ${tools.join(", ")})`);
  if (options.category && !(CATEGORIES as readonly string[]).includes(options.category))
    throw new CliError(`unknown category "${options.category}" (known: ${CATEGORIES.join(", ")})`);
  const list = catalog
    .filter((s) => (!options.tool || s.tool === options.tool) && (!options.category || s.category === options.category))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (options.json) ctx.print(JSON.stringify(list.map((s) => ({ id: s.id, tool: s.tool, category: s.category, title: s.title })), null, 2));
  else if (list.length === 0) ctx.print("No signatures match.");
  else ctx.print(renderList(ctx.colors, list, ctx.cols));
  return list.length > 0 ? EXIT.diagnosed : EXIT.nothing;
}

export function showCommand(ctx: Context, id: string, options: { json?: boolean }): number {
  const d = ctx.diagnoser();
  const s = d.getSignature(id);
  if (!s) {
    throw new CliError(`no signature "${id}" (find ids with: errsig list, or errsig search WORDS)`);
  }
  ctx.print(options.json ? JSON.stringify(s, null, 2) : renderSignature(ctx.colors, s, ctx.cols));
  return EXIT.diagnosed;
}

export interface SearchOptions {
  tool?: string;
  limit?: string;
  json?: boolean;
}

export function searchCommand(ctx: Context, words: string[], options: SearchOptions): number {
  const query = words.join(" ").trim();
  if (!query) throw new CliError('search needs words (errsig search "keeps asking me to login")');
  const limit = options.limit === undefined ? 10 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new CliError(`--limit must be a whole number from 1 to 100, got "${options.limit}"`);
  const hits = ctx.diagnoser().search(query, { limit, ...(options.tool ? { tool: options.tool } : {}) });
  if (options.json) ctx.print(JSON.stringify(hits, null, 2));
  else if (hits.length === 0) ctx.print("Nothing in the catalog matches those words.");
  else ctx.print(renderSearch(ctx.colors, hits, ctx.cols));
  return hits.length > 0 ? EXIT.diagnosed : EXIT.nothing;
}
