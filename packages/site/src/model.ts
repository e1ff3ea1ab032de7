import { CATEGORIES, TOOLS, toolName, type Category, type Signature } from "@errsig/core";

/** What every page template needs besides its own data. */
export interface SiteContext {
  /** Absolute origin (and optional path) the site is served from, without a trailing slash. */
  baseUrl: string;
  /** Every signature on the site, by id (related links resolve through it). */
  byId: ReadonlyMap<string, Signature>;
  /** Asset URLs relative to the site root, with a content hash so browsers never run a stale bundle. */
  assets: { css: string; site: string; paste: string };
  /** Where a signature's JSON lives, for the "edit this page" link. */
  repoUrl: string;
}

export const DEFAULT_BASE_URL = "https://errsig.dev";
export const REPO_URL = "https://github.com/errsig/errsig";

export const CATEGORY_LABELS: Record<Category, string> = {
  auth: "Authentication",
  "billing-quota": "Billing and quota",
  "rate-limit": "Rate limits",
  "server-overloaded": "Provider overloaded or down",
  "network-proxy-tls": "Network, proxy and TLS",
  "model-context": "Model and context window",
  "request-invalid": "Invalid request",
  "config-settings": "Configuration and settings",
  "install-update": "Install and update",
  "platform-os": "Platform and OS",
  "permissions-sandbox": "Permissions and sandbox",
  "tool-mcp": "Tools and MCP",
  filesystem: "Files",
  "ide-integration": "IDE integration",
  "runtime-crash": "Crashes",
};

export const PLATFORM_LABELS: Record<string, string> = {
  all: "All platforms",
  macos: "macOS",
  linux: "Linux",
  windows: "Windows",
  wsl: "WSL",
};

export const categoryLabel = (c: string): string => CATEGORY_LABELS[c as Category] ?? c;

/** A fix whose "command" is a page to open (a billing or status URL) rather than something to run. */
export const isLink = (command: string): boolean => /^https:\/\/[^\s"'<>`]+$/.test(command.trim());

/** Site path of a signature page, relative to the root: `claude-code/some-slug/`. Ids are kebab-case, so they are URL-safe. */
export function pagePath(id: string): string {
  return `${id}/`;
}

/** Relative prefix from a page at `path` (e.g. `claude-code/x/`) back to the site root (`../../`). Relative links keep the site hostable under any sub-path. */
export function rootFrom(path: string): string {
  const depth = path.split("/").filter(Boolean).length;
  return depth === 0 ? "./" : "../".repeat(depth);
}

/** Absolute URL for a site path, for canonical links and the sitemap. */
export function absoluteUrl(ctx: Pick<SiteContext, "baseUrl">, path: string): string {
  return `${ctx.baseUrl}/${path}`;
}

export interface ToolGroup {
  tool: string;
  name: string;
  categories: { category: Category; signatures: Signature[] }[];
  count: number;
}

/** Signatures grouped by tool (catalog's tool order, unknown tools last) then category (schema order), titles sorted. */
export function groupByTool(signatures: readonly Signature[]): ToolGroup[] {
  const knownOrder = Object.keys(TOOLS);
  const tools = [...new Set(signatures.map((s) => s.tool))].sort((a, b) => {
    const ia = knownOrder.indexOf(a);
    const ib = knownOrder.indexOf(b);
    return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  });
  return tools.map((tool) => {
    const own = signatures.filter((s) => s.tool === tool);
    const categories = CATEGORIES.map((category) => ({
      category,
      signatures: own.filter((s) => s.category === category).sort((a, b) => a.title.localeCompare(b.title)),
    })).filter((g) => g.signatures.length > 0);
    return { tool, name: toolName(tool), categories, count: own.length };
  });
}
