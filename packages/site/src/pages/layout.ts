import { html, jsonForScript, raw, type Html } from "../html.js";
import { absoluteUrl, rootFrom, type SiteContext } from "../model.js";

export interface PageMeta {
  /** Site path of the page relative to the root (`""`, `paste/`, `claude-code/x/`). */
  path: string;
  /** Full <title>. */
  title: string;
  description: string;
  /** Structured data for search engines (JSON-LD), if any. */
  jsonLd?: unknown;
  /** Extra script of this page kind (relative to root), loaded after the shared one. */
  script?: string;
  /** A <base href>, for pages served at any depth (404). */
  base?: string;
  /** Open Graph type: `article` for entries, `website` for the index. */
  ogType?: "article" | "website";
  /** Which nav link is the current page. */
  nav?: "catalog" | "paste";
}

// An inline SVG icon: no favicon request, nothing external.
const ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%23b4232c'/%3E%3Cpath d='M9 10h14M9 16h9M9 22h12' stroke='white' stroke-width='3' stroke-linecap='round'/%3E%3C/svg%3E";

/** The shell every page shares: metadata, header, footer, scripts. `main` is the page's own content. */
export function layout(ctx: SiteContext, meta: PageMeta, main: Html): string {
  const root = rootFrom(meta.path);
  const canonical = absoluteUrl(ctx, meta.path);
  const current = (name: PageMeta["nav"]) => (meta.nav === name ? raw(' aria-current="page"') : "");
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${meta.base ? html`<base href="${meta.base}">` : ""}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${meta.title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}">
<meta property="og:type" content="${meta.ogType ?? "article"}">
<meta property="og:site_name" content="errsig">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
<link rel="icon" href="${ICON}">
<link rel="stylesheet" href="${root}${ctx.assets.css}">
${meta.jsonLd ? html`<script type="application/ld+json">${jsonForScript(meta.jsonLd)}</script>` : ""}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
  <a class="brand" href="${root}">err<span>sig</span></a>
  <nav aria-label="Site">
    <a href="${root}"${current("catalog")}>Catalog</a>
    <a href="${root}paste/"${current("paste")}>Paste your error</a>
  </nav>
</header>
<main id="main">
${main}
</main>
<footer class="site-footer">
  <p>errsig turns raw error text from AI coding tools into a diagnosis. Entries are written from public issue threads; <a href="${ctx.repoUrl}">contribute on GitHub</a>.</p>
</footer>
<script src="${root}${ctx.assets.site}" defer></script>
${meta.script ? html`<script src="${root}${meta.script}" defer></script>` : ""}
</body>
</html>
`.value;
}
