import { toolName, type Signature } from "@errsig/core";
import { html, prose, safeUrl, truncate, type Html } from "../html.js";
import { categoryLabel, isLink, pagePath, PLATFORM_LABELS, rootFrom, type SiteContext } from "../model.js";
import { layout } from "./layout.js";

type Fix = Signature["fixes"][number];
type Source = Signature["sources"][number];

/**
 * A command block; the shared script adds a Copy button to every `pre.cmd`. Some fixes "command" is
 * a page to open (a billing or status URL): that is a link, not something to paste in a terminal.
 */
function command(cmd: string): Html {
  if (isLink(cmd)) return html`<p class="open-link">Open <a href="${cmd.trim()}" rel="noopener">${cmd.trim()}</a></p>`;
  return html`<pre class="cmd"><code>${cmd}</code></pre>`;
}

const platformBadge = (platform?: string) =>
  platform && platform !== "all" ? html` <span class="badge platform">${PLATFORM_LABELS[platform] ?? platform}</span>` : "";

/** An optional section: nothing at all when the signature has no items for it. */
function section(id: string, heading: string, items: readonly unknown[], body: () => Html): Html | "" {
  return items.length === 0 ? "" : html`<section aria-labelledby="${id}"><h2 id="${id}">${heading}</h2>${body()}</section>`;
}

function fix(f: Fix): Html {
  return html`<li class="fix">
  <h3>${prose(f.title)}${platformBadge(f.platform)}</h3>
  ${f.steps?.length ? html`<ol class="steps">${f.steps.map((s) => html`<li>${prose(s)}</li>`)}</ol>` : ""}
  ${f.command ? command(f.command) : ""}
</li>`;
}

function source(s: Source): Html {
  return html`<li>
  <a href="${safeUrl(s.url)}" rel="noopener">${s.title ?? s.url}</a>
  ${s.state ? html`<span class="badge state state-${s.state}">${s.state}</span>` : ""}
  ${s.date ? html`<time datetime="${s.date}">${s.date}</time>` : ""}
  ${s.note ? html`<p class="note">${prose(s.note)}</p>` : ""}
</li>`;
}

function related(ctx: SiteContext, root: string, id: string): Html {
  const target = ctx.byId.get(id);
  // A dangling id (validation forbids it in the built-in catalog) is shown, not linked to a 404.
  if (!target) return html`<li><code>${id}</code></li>`;
  return html`<li><a href="${root}${pagePath(id)}">${target.title}</a> <span class="muted">${toolName(target.tool)}</span></li>`;
}

function versions(s: Signature): Html | "" {
  const v = s.versions;
  if (!v?.fixedIn && !v?.affects) return "";
  return html`<p class="callout">
  ${v.fixedIn ? html`<strong>Fixed in ${v.fixedIn}</strong>: upgrade to ≥ ${v.fixedIn}.` : ""}
  ${v.affects ? html` Affected versions: <code>${v.affects}</code>.` : ""}
</p>`;
}

/** Catalog prose without its `backtick` code markers, for places that show plain text. */
const plain = (text: string) => text.replace(/`/g, "");

/** FAQPage structured data, so search engines can show the answers; null when there is no FAQ. */
export function faqJsonLd(s: Signature): object | null {
  if (s.faq.length === 0) return null;
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: s.faq.map((f) => ({
      "@type": "Question",
      name: plain(f.q),
      acceptedAnswer: { "@type": "Answer", text: plain(f.a) },
    })),
  };
}

/** The troubleshooting page of one signature. */
export function renderSignaturePage(ctx: SiteContext, s: Signature): string {
  const path = pagePath(s.id);
  const root = rootFrom(path);
  const tool = toolName(s.tool);
  const jsonLd = faqJsonLd(s);
  const main = html`<article class="signature">
<nav class="crumbs" aria-label="Breadcrumb"><a href="${root}">Catalog</a> › <a href="${root}#tool-${s.tool}">${tool}</a> › ${categoryLabel(s.category)}</nav>
<h1>${s.title}</h1>
<p class="meta"><span class="badge">${tool}</span> <span class="badge">${categoryLabel(s.category)}</span> <span class="muted">Updated <time datetime="${s.updated}">${s.updated}</time></span></p>

<section aria-labelledby="error"><h2 id="error">The error</h2><pre class="error-text"><code>${s.message}</code></pre></section>

<section aria-labelledby="meaning"><h2 id="meaning">What it means</h2><p>${prose(s.summary)}</p>${versions(s)}
${s.provider ? html`<p class="callout">The cause is on the provider's side: waiting, or switching to another model or region, is the fix.</p>` : ""}
</section>

<section aria-labelledby="why"><h2 id="why">Why it happens</h2><p>${prose(s.why)}</p></section>

${section("causes", "Causes", s.causes, () => html`<ol>${s.causes.map((c) => html`<li>${prose(c)}</li>`)}</ol>`)}
${section("fixes", "Quick fixes", s.fixes, () => html`<ol class="fixes">${s.fixes.map(fix)}</ol>`)}
${section(
  "platform-checks",
  "Platform checks",
  s.platformChecks,
  () =>
    html`<ul class="checks">${s.platformChecks.map(
      (c) => html`<li><span class="badge platform">${PLATFORM_LABELS[c.platform] ?? c.platform}</span> ${prose(c.check)}${c.command ? command(c.command) : ""}</li>`,
    )}</ul>`,
)}
${section("steps", "Step by step", s.steps, () => html`<ol>${s.steps.map((x) => html`<li>${prose(x)}</li>`)}</ol>`)}
${section("prevention", "Prevention", s.prevention, () => html`<ul>${s.prevention.map((x) => html`<li>${prose(x)}</li>`)}</ul>`)}
${section("sources", "Sources", s.sources, () => html`<ul class="sources">${s.sources.map(source)}</ul>`)}
${section("related", "Related errors", s.related, () => html`<ul class="related">${s.related.map((id) => related(ctx, root, id))}</ul>`)}
${section("faq", "FAQ", s.faq, () => html`<div class="faq">${s.faq.map((f) => html`<h3>${prose(f.q)}</h3><p>${prose(f.a)}</p>`)}</div>`)}

<p class="updated">Last updated <time datetime="${s.updated}">${s.updated}</time> ·
<a href="${ctx.repoUrl}/blob/main/signatures/${s.id}.json">Edit this entry</a> ·
<a href="${root}paste/">Diagnose your own error text</a></p>
</article>`;
  return layout(
    ctx,
    {
      path,
      title: `${s.title} — ${tool} error | errsig`,
      description: truncate(`${s.message} — ${plain(s.summary)}`, 160),
      ...(jsonLd ? { jsonLd } : {}),
    },
    main,
  );
}
