import { toolName, type Signature } from "@errsig/core";
import { html, truncate } from "../html.js";
import { categoryLabel, CATEGORY_LABELS, groupByTool, pagePath, type SiteContext } from "../model.js";
import { layout } from "./layout.js";

/** Words the client-side filter looks in: everything a reader might type to find an entry. */
function searchText(s: Signature): string {
  return [s.id, s.title, s.message, toolName(s.tool), categoryLabel(s.category), ...s.keywords].join(" ").toLowerCase();
}

function item(s: Signature) {
  return html`<li class="entry" data-search="${searchText(s)}" data-category="${s.category}">
  <a href="${pagePath(s.id)}">${s.title}</a>
  <code class="message">${truncate(s.message, 140)}</code>
</li>`;
}

/** The catalog index: every signature grouped by tool, then category, with a filter box. */
export function renderIndexPage(ctx: SiteContext, signatures: readonly Signature[]): string {
  const groups = groupByTool(signatures);
  const usedCategories = Object.keys(CATEGORY_LABELS).filter((c) => signatures.some((s) => s.category === c));
  const main = html`<h1>Errors from AI coding tools, explained</h1>
<p class="lede">${signatures.length} known errors from ${groups.length} tools and LLM APIs, each with what it means, why it happens, exact fixes and the public threads behind them. Have an error in front of you? <a href="paste/">Paste it</a> and errsig finds the entry.</p>

<form class="filter" role="search">
  <label for="filter-q">Filter</label>
  <input id="filter-q" name="q" type="search" autocomplete="off" placeholder="e.g. 401, oauth, proxy, context window">
  <label for="filter-category" class="visually-hidden">Category</label>
  <select id="filter-category" name="category">
    <option value="">All categories</option>
    ${usedCategories.map((c) => html`<option value="${c}">${categoryLabel(c)}</option>`)}
  </select>
  <output id="filter-count" for="filter-q filter-category" aria-live="polite">${signatures.length} errors</output>
</form>

<nav class="tools" aria-label="Tools">
  ${groups.map((g) => html`<a href="#tool-${g.tool}" data-tool="${g.tool}">${g.name} <span class="muted">${g.count}</span></a>`)}
</nav>

<p id="filter-empty" class="empty" hidden>No entry matches. Try fewer words, or <a href="paste/">paste the whole error</a>.</p>

${groups.map(
  (g) => html`<section class="tool" id="tool-${g.tool}" aria-labelledby="h-${g.tool}">
  <h2 id="h-${g.tool}">${g.name}</h2>
  ${g.categories.map(
    (c) => html`<section class="category" data-category="${c.category}">
    <h3>${categoryLabel(c.category)}</h3>
    <ul class="entries">${c.signatures.map(item)}</ul>
  </section>`,
  )}
</section>`,
)}`;
  return layout(
    ctx,
    {
      path: "",
      title: "errsig — errors from AI coding tools, explained",
      description: truncate(
        `What ${signatures.length} errors from Claude Code, Codex CLI, Gemini CLI, Copilot, Cursor and LLM APIs mean, why they happen and how to fix them.`,
        160,
      ),
      nav: "catalog",
      ogType: "website",
    },
    main,
  );
}
