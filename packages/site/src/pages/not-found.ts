import { html } from "../html.js";
import type { SiteContext } from "../model.js";
import { layout } from "./layout.js";

/**
 * 404.html. Hosts serve it at whatever path was requested, so relative links would break; a <base>
 * at the path of the configured base URL makes them resolve from the site root.
 */
export function renderNotFoundPage(ctx: SiteContext): string {
  const main = html`<h1>Page not found</h1>
<p class="lede">There is no entry here. It may have been renamed: <a href="./">browse the catalog</a> or <a href="paste/">paste your error</a> to find it.</p>`;
  return layout(ctx, { path: "", base: `${new URL(ctx.baseUrl).pathname.replace(/\/*$/, "/")}`, title: "Not found — errsig", description: "This page does not exist." }, main);
}
