import { TOOLS } from "@errsig/core";
import { UserError, quote } from "./user-error.js";

/**
 * Resolves a caller's tool name to a tool id of the loaded catalog. Agents write what they know
 * ("Claude Code", "claude", "codex"), so display names and aliases are accepted too; a name that
 * fits nothing is an error listing the valid ids rather than a silently ignored hint.
 */
export function resolveTool(name: string, known: ReadonlySet<string>): string {
  const wanted = name.trim().toLowerCase();
  if (known.has(wanted)) return wanted;
  for (const [id, info] of Object.entries(TOOLS)) {
    if (!known.has(id)) continue;
    if (info.name.toLowerCase() === wanted || info.aliases.includes(wanted)) return id;
  }
  throw new UserError(`Unknown tool ${quote(name)}. Known tools: ${[...known].sort().join(", ")}.`);
}
