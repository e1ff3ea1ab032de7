import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { catalog, SignatureSchema, type Signature } from "@errsig/core";
import { describe, expect, it } from "vitest";
import { buildSite } from "../src/build.js";
import { escapeHtml, html, jsonForScript, prose, safeUrl, truncate } from "../src/html.js";
import { groupByTool, rootFrom, type SiteContext } from "../src/model.js";
import { renderIndexPage } from "../src/pages/home.js";
import { renderPastePage } from "../src/pages/paste.js";
import { renderSignaturePage } from "../src/pages/signature.js";
import { mergeRanges } from "../src/ranges.js";
import { startServer } from "../src/serve.js";

const ATTACK = `<script>alert("x")</script>`;

/** A contributor entry that tries to inject markup through every text field. */
const hostile: Signature = SignatureSchema.parse({
  id: "claude-code/hostile-entry",
  tool: "claude-code",
  category: "auth",
  title: `Title ${ATTACK} with "quotes" & 'apostrophes'`,
  message: `API Error: </script><script>alert(1)</script>`,
  summary: `Summary ${ATTACK} and \`<b>code</b>\``,
  why: `Why <img src=x onerror=alert(1)>`,
  causes: [`Cause ${ATTACK}`],
  fixes: [{ title: `Fix ${ATTACK}`, steps: [`Step ${ATTACK}`], command: `echo "${ATTACK}"`, platform: "linux" }],
  platformChecks: [{ platform: "macos", check: `Check ${ATTACK}`, command: `ls <dir>` }],
  steps: [`Step ${ATTACK}`],
  prevention: [`Prevent ${ATTACK}`],
  sources: [{ url: "https://example.com/?a=1&b=<2>", title: `Source ${ATTACK}`, state: "open", date: "2026-01-02", note: `Note ${ATTACK}` }],
  related: ["claude-code/other-entry", "claude-code/not-in-catalog"],
  faq: [{ q: `Question </script><!-- ${ATTACK}?`, a: `Answer ${ATTACK} \u2028 run \`ls\`` }],
  keywords: [`"><script>`],
  updated: "2026-01-02",
  match: { all: [{ literal: "hostile" }] },
  examples: [{ text: "hostile" }],
});

const other: Signature = SignatureSchema.parse({
  ...hostile,
  id: "claude-code/other-entry",
  title: "The other entry, plain",
  related: ["claude-code/hostile-entry"],
  faq: [],
});

function context(signatures: readonly Signature[]): SiteContext {
  return {
    baseUrl: "https://errsig.test/docs",
    byId: new Map(signatures.map((s) => [s.id, s])),
    assets: { css: "assets/style.css?v=1", site: "assets/site.js?v=1", paste: "assets/paste.js?v=1" },
    repoUrl: "https://github.com/errsig/errsig",
  };
}

/** Every <script …> opening tag in the markup. */
const scriptTags = (markup: string) => markup.match(/<script\b[^>]*>/gi) ?? [];

function jsonLdOf(markup: string): unknown {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(markup);
  return match ? JSON.parse(match[1] as string) : null;
}

describe("html helpers", () => {
  it.each([
    ["<b>", "&lt;b&gt;"],
    [`"a" & 'b'`, "&quot;a&quot; &amp; &#39;b&#39;"],
    ["plain", "plain"],
  ])("escapeHtml(%j)", (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it("escapes interpolations but passes nested fragments and arrays through", () => {
    const inner = html`<i>${"<x>"}</i>`;
    expect(html`<p>${"<y>"}${inner}${["<a>", html`<br>`]}${null}${false}${3}</p>`.value).toBe("<p>&lt;y&gt;<i>&lt;x&gt;</i>&lt;a&gt;<br>3</p>");
  });

  it("renders backticked prose as code, escaped", () => {
    expect(prose("run `rm <x>` now").value).toBe("run <code>rm &lt;x&gt;</code> now");
  });

  it("keeps only http(s) links", () => {
    expect(safeUrl("https://a.example/x")).toBe("https://a.example/x");
    expect(safeUrl("javascript:alert(1)")).toBe("#");
    expect(safeUrl("data:text/html,hi")).toBe("#");
  });

  it("writes JSON that cannot end its script element and still parses", () => {
    const value = { a: "</script><!-- & \u2028" };
    const json = jsonForScript(value).value;
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it("truncates at a word boundary", () => {
    expect(truncate("alpha beta gamma delta epsilon", 20)).toBe("alpha beta gamma…");
    expect(truncate("short", 12)).toBe("short");
  });

  it("computes the way back to the root", () => {
    expect(rootFrom("")).toBe("./");
    expect(rootFrom("paste/")).toBe("../");
    expect(rootFrom("claude-code/x/")).toBe("../../");
  });
});

describe("signature page", () => {
  const ctx = context([hostile, other]);
  const page = renderSignaturePage(ctx, hostile);

  it("renders contributor markup inert", () => {
    // Only our two scripts: the JSON-LD block and the shared page script.
    expect(scriptTags(page)).toEqual(['<script type="application/ld+json">', '<script src="../../assets/site.js?v=1" defer>']);
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<b>code</b>");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("<code>&lt;b&gt;code&lt;/b&gt;</code>");
    expect(page).toContain('href="https://example.com/?a=1&amp;b=&lt;2&gt;"');
    expect(page).toContain(`<title>Title &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; with &quot;quotes&quot; &amp; &#39;apostrophes&#39; — Claude Code error | errsig</title>`);
  });

  it("has metadata with a canonical URL from the base URL", () => {
    expect(page).toContain('<link rel="canonical" href="https://errsig.test/docs/claude-code/hostile-entry/">');
    expect(page).toMatch(/<meta name="description" content="[^"<>]{20,170}">/);
  });

  it("carries FAQPage JSON-LD with the exact questions and answers", () => {
    expect(jsonLdOf(page)).toEqual({
      "@context": "https://schema.org",
      "@type": "FAQPage",
      mainEntity: [{ "@type": "Question", name: `Question </script><!-- ${ATTACK}?`, acceptedAnswer: { "@type": "Answer", text: `Answer ${ATTACK} \u2028 run ls` } }],
    });
    expect(jsonLdOf(renderSignaturePage(ctx, other))).toBeNull();
  });

  it("renders a fix whose command is a URL as a link, not a command to copy", () => {
    const sig = SignatureSchema.parse({ ...other, fixes: [{ title: "Check the status page", command: "https://status.example.com/" }] });
    const markup = renderSignaturePage(ctx, sig);
    expect(markup).toContain('<p class="open-link">Open <a href="https://status.example.com/" rel="noopener">https://status.example.com/</a></p>');
    expect(markup).not.toContain('<pre class="cmd"><code>https://status.example.com/');
  });

  it("links related entries that exist and names the ones that do not", () => {
    expect(page).toContain('<a href="../../claude-code/other-entry/">The other entry, plain</a>');
    expect(page).toContain("<code>claude-code/not-in-catalog</code>");
    expect(page).not.toContain('href="../../claude-code/not-in-catalog/"');
  });
});

describe("the built-in catalog renders", () => {
  const ctx = context(catalog);

  it.each(catalog.map((s) => [s.id, s] as const))("%s: related links and JSON-LD", (_id, s) => {
    const page = renderSignaturePage(ctx, s);
    for (const id of s.related) expect(page, id).toContain(`href="../../${id}/"`);
    const ld = jsonLdOf(page) as { mainEntity: unknown[] } | null;
    if (s.faq.length) expect(ld?.mainEntity).toHaveLength(s.faq.length);
    else expect(ld).toBeNull();
    expect(scriptTags(page).length).toBe(s.faq.length ? 2 : 1);
  });

  it("index links every signature once, under its tool", () => {
    const page = renderIndexPage(ctx, catalog);
    for (const s of catalog) expect(page.split(`<a href="${s.id}/">`).length - 1, s.id).toBe(1);
    const groups = groupByTool(catalog);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(catalog.length);
    for (const g of groups) expect(page).toContain(`id="tool-${g.tool}"`);
  });

  it("index escapes contributor text in attributes", () => {
    const page = renderIndexPage(context([hostile]), [hostile]);
    expect(page).toContain('data-search="claude-code/hostile-entry title &lt;script&gt;');
    expect(page).not.toContain('"><script>');
  });

  it("paste page offers every tool as a hint and loads the paste bundle", () => {
    const page = renderPastePage(ctx, catalog);
    for (const g of groupByTool(catalog)) expect(page).toContain(`<option value="${g.tool}">`);
    expect(page).toContain('<script src="../assets/paste.js?v=1" defer></script>');
  });
});

describe("buildSite", () => {
  it("writes every page, assets, sitemap and robots for the configured base URL", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "errsig-build-"));
    try {
      const out = path.join(dir, "out");
      const result = await buildSite({ outDir: out, baseUrl: "https://example.org/errsig/", signatures: [hostile, other] });
      expect(result.pages).toEqual(["", "paste/", "claude-code/hostile-entry/", "claude-code/other-entry/"]);
      const page = await readFile(path.join(out, "claude-code/hostile-entry/index.html"), "utf8");
      expect(page).toContain('<link rel="canonical" href="https://example.org/errsig/claude-code/hostile-entry/">');
      expect(await readFile(path.join(out, "sitemap.xml"), "utf8")).toContain("<loc>https://example.org/errsig/paste/</loc>");
      expect(await readFile(path.join(out, "robots.txt"), "utf8")).toContain("Sitemap: https://example.org/errsig/sitemap.xml");
      expect(await readFile(path.join(out, "404.html"), "utf8")).toContain('<base href="/errsig/">');
      // A classic script (IIFE), so pages also work from file:// where module scripts are blocked.
      expect(await readFile(path.join(out, "assets/paste.js"), "utf8")).toMatch(/^(?:"use strict";)?\(\(\)=>\{/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a base URL that is not http(s)", async () => {
    await expect(buildSite({ outDir: path.join(tmpdir(), "errsig-never"), baseUrl: "javascript:alert(1)" })).rejects.toThrow(/base URL/);
  });
});

describe("evidence ranges", () => {
  it.each([
    [[{ start: 0, end: 14 }, { start: 11, end: 49 }, { start: 55, end: 110 }], 200, [[0, 49], [55, 110]]],
    [[{ start: 5, end: 9 }, { start: 0, end: 3 }], 200, [[0, 3], [5, 9]]],
    [[{ start: 3, end: 3 }, { start: 8, end: 50 }], 10, [[8, 10]]],
    [[{ start: 0, end: 4 }, { start: 4, end: 6 }], 10, [[0, 6]]],
  ])("merge %j", (evidence, length, expected) => {
    expect(mergeRanges(evidence, length)).toEqual(expected);
  });
});

describe("preview server", () => {
  function get(port: number, rawPath: string): Promise<{ status: number; location?: string; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: rawPath }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("serves index pages, redirects bare directories, and stays inside its root", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "errsig-serve-"));
    const root = path.join(dir, "site");
    await mkdir(path.join(root, "a"), { recursive: true });
    await writeFile(path.join(root, "index.html"), "home");
    await writeFile(path.join(root, "a", "index.html"), "page a");
    await writeFile(path.join(root, "404.html"), "missing");
    await writeFile(path.join(dir, "secret.txt"), "secret");
    const server = await startServer({ root, port: 0 });
    try {
      expect(await get(server.port, "/")).toMatchObject({ status: 200, body: "home" });
      expect(await get(server.port, "/a/")).toMatchObject({ status: 200, body: "page a" });
      expect(await get(server.port, "/a?q=1")).toMatchObject({ status: 301, location: "/a/?q=1" });
      expect(await get(server.port, "/nope")).toMatchObject({ status: 404, body: "missing" });
      for (const attempt of ["/../secret.txt", "/%2e%2e/secret.txt", "/a/%2e%2e%2f%2e%2e%2fsecret.txt"]) {
        const res = await get(server.port, attempt);
        expect(res.body, attempt).not.toContain("secret");
      }
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
