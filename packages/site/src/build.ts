/**
 * Builds the static site: one page per signature, the index, the paste page (with @errsig/core
 * bundled for the browser), CSS, sitemap. Output is plain files any static host can serve.
 *
 *   pnpm site:build [--out DIR] [--base-url https://example.org]   (or ERRSIG_SITE_URL)
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { catalog, type Signature } from "@errsig/core";
import { build as esbuild } from "esbuild";
import { escapeHtml } from "./html.js";
import { absoluteUrl, DEFAULT_BASE_URL, pagePath, REPO_URL, type SiteContext } from "./model.js";
import { renderIndexPage } from "./pages/home.js";
import { renderNotFoundPage } from "./pages/not-found.js";
import { renderPastePage } from "./pages/paste.js";
import { renderSignaturePage } from "./pages/signature.js";

const SRC = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = path.resolve(SRC, "../dist");

export interface BuildOptions {
  outDir?: string;
  /** Origin the site will be served from, for canonical URLs and the sitemap. */
  baseUrl?: string;
  /** Signatures to render (default: the built-in catalog). The paste page always uses the built-in one. */
  signatures?: readonly Signature[];
}

export interface BuildResult {
  outDir: string;
  /** Site paths of every page written. */
  pages: string[];
}

/** Write a file under outDir, creating folders. */
async function emit(outDir: string, file: string, content: string | Uint8Array): Promise<void> {
  const target = path.join(outDir, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
}

/** `name.ext?v=<hash>` so a browser never pairs a new page with a cached old bundle. */
const versioned = (file: string, content: string | Uint8Array) =>
  `${file}?v=${createHash("sha256").update(content).digest("hex").slice(0, 10)}`;

/** Bundle the two browser entries. IIFE, not ESM modules, so the pages also work opened from file://. */
async function bundleScripts(): Promise<{ site: string; paste: string }> {
  const result = await esbuild({
    entryPoints: { site: path.join(SRC, "enhance.ts"), paste: path.join(SRC, "paste.ts") },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    minify: true,
    legalComments: "none",
    outdir: "assets",
    logLevel: "silent",
  });
  const byName = (name: string) => {
    const file = result.outputFiles.find((f) => path.basename(f.path) === `${name}.js`);
    if (!file) throw new Error(`esbuild produced no ${name}.js`);
    return file.text;
  };
  return { site: byName("site"), paste: byName("paste") };
}

function sitemap(ctx: SiteContext, pages: string[]): string {
  const urls = pages.map((p) => `  <url><loc>${escapeHtml(absoluteUrl(ctx, p))}</loc></url>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s"'<>]+$/.test(baseUrl)) throw new Error(`base URL must be an http(s) URL, got ${JSON.stringify(baseUrl)}`);
  const signatures = [...(options.signatures ?? catalog)].sort((a, b) => a.id.localeCompare(b.id));

  const [css, scripts] = await Promise.all([readFile(path.join(SRC, "style.css"), "utf8"), bundleScripts()]);
  const ctx: SiteContext = {
    baseUrl,
    byId: new Map(signatures.map((s) => [s.id, s])),
    assets: {
      css: versioned("assets/style.css", css),
      site: versioned("assets/site.js", scripts.site),
      paste: versioned("assets/paste.js", scripts.paste),
    },
    repoUrl: REPO_URL,
  };

  // Clear only after everything above succeeded, so a failed build leaves the last good site.
  await rm(outDir, { recursive: true, force: true });
  await emit(outDir, "assets/style.css", css);
  await emit(outDir, "assets/site.js", scripts.site);
  await emit(outDir, "assets/paste.js", scripts.paste);

  const pages: string[] = [];
  const page = async (sitePath: string, markup: string) => {
    await emit(outDir, `${sitePath}index.html`, markup);
    pages.push(sitePath);
  };
  await page("", renderIndexPage(ctx, signatures));
  await page("paste/", renderPastePage(ctx, signatures));
  for (const s of signatures) await page(pagePath(s.id), renderSignaturePage(ctx, s));

  await emit(outDir, "404.html", renderNotFoundPage(ctx));
  await emit(outDir, "sitemap.xml", sitemap(ctx, pages));
  await emit(outDir, "robots.txt", `User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(ctx, "sitemap.xml")}\n`);
  return { outDir, pages };
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const started = performance.now();
  buildSite({ outDir: flag(args, "--out"), baseUrl: flag(args, "--base-url") ?? process.env.ERRSIG_SITE_URL }).then(
    (r) => console.log(`site: ${r.pages.length} pages in ${path.relative(process.cwd(), r.outDir) || "."} (${Math.round(performance.now() - started)} ms)`),
    (error: unknown) => {
      console.error(`site build failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
