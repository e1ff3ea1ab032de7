/**
 * End to end: build the site, serve it on 127.0.0.1, drive Debian's Chromium through the index
 * filter, a signature page and the paste page, and keep screenshots in packages/site/.artifacts/.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`; .ci/run installs it). Without it this
 * test fails on purpose: a silently skipped browser test would hide a broken site. No browser is
 * ever downloaded.
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSignature } from "@errsig/core";
import { buildSite } from "../src/build.js";
import { startServer, type RunningServer } from "../src/serve.js";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../.artifacts/", import.meta.url));
const SEED_ID = "claude-code/oauth-refresh-400-after-early-revocation";
const SEED_TEXT = "API Error: 401 Invalid authentication credentials\nPOST https://platform.claude.com/v1/oauth/token returned 400";
const WIDTHS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;

let work: string;
let server: RunningServer;
let context: BrowserContext;
/** Requests to anything but our server: the site must be self-contained (no fonts, CDNs, analytics). */
const foreign: string[] = [];
/** Uncaught errors and console errors in any page. */
const pageErrors: string[] = [];

async function openPage(url: string, size: { width: number; height: number } = WIDTHS.desktop): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  page.on("pageerror", (e) => pageErrors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(`${page.url()}: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

/** Full-page by default; the unfiltered index is 20 000 px tall, so that one keeps to the viewport. */
async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** Nothing may be wider than the viewport: sideways scrolling is what makes pages unreadable on a phone. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, viewport } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(scroll, page.url()).toBeLessThanOrEqual(viewport);
}

describe("site end to end (Chromium)", () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium). This test drives it and never downloads a browser.`);
    }
    work = await mkdtemp(path.join(tmpdir(), "errsig-site-"));
    await mkdir(ARTIFACTS, { recursive: true });
    const built = await buildSite({ outDir: path.join(work, "dist") });
    server = await startServer({ root: built.outDir, port: 0 });
    // launchPersistentContext is how Playwright takes a --user-data-dir: a fresh one per run.
    context = await chromium.launchPersistentContext(path.join(work, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url) || url.startsWith("data:")) return route.continue();
      foreign.push(url);
      return route.abort();
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("index lists every signature grouped by tool, and the filter narrows it", async () => {
    const page = await openPage(server.url);
    const total = await page.locator("li.entry").count();
    expect(total).toBeGreaterThan(50);
    expect(await page.locator("section.tool h2").first().textContent()).toBe("Claude Code");
    await screenshot(page, "index-desktop", false);

    // The filter runs in the input event that fill() dispatches, so the DOM is final when it returns.
    await page.fill("#filter-q", "oauth refresh");
    const visible = page.locator("li.entry:visible");
    const shown = await visible.count();
    expect(shown).toBeLessThan(total);
    expect(shown).toBeGreaterThan(0);
    const seed = page.locator(`li.entry a[href="${SEED_ID}/"]`);
    expect(await seed.isVisible()).toBe(true);
    // Every visible entry contains every word; tools without a match are hidden whole.
    for (const text of await visible.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.search ?? ""))) {
      expect(text).toContain("oauth");
      expect(text).toContain("refresh");
    }
    expect(await page.locator("#filter-count").textContent()).toBe(`${shown} of ${total} errors`);
    expect(page.url()).toContain("?q=oauth+refresh");
    // The tool links above the list only name tools that still have matches.
    expect(await page.locator("nav.tools a:visible").count()).toBe(await page.locator("section.tool:visible").count());

    await page.fill("#filter-q", "zzzz-no-such-error");
    expect(await page.locator("#filter-empty").isVisible()).toBe(true);
    expect(await page.locator("section.tool:visible").count()).toBe(0);

    await page.fill("#filter-q", "oauth");
    await page.setViewportSize(WIDTHS.phone);
    await expectNoSidewaysScroll(page);
    await screenshot(page, "index-filtered-phone");

    await seed.click();
    await page.waitForURL(`**/${SEED_ID}/`);
    expect(await page.locator("h1").textContent()).toBe(getSignature(SEED_ID)?.title);
    await page.close();
  });

  it("a signature page shows every section, copyable commands, linked related entries and FAQ JSON-LD", async () => {
    const sig = getSignature(SEED_ID);
    if (!sig) throw new Error(`${SEED_ID} is not in the catalog`);
    const page = await openPage(`${server.url}${SEED_ID}/`);
    expect(await page.title()).toContain(sig.title);
    expect(await page.locator("pre.error-text").textContent()).toBe(sig.message);
    for (const heading of ["The error", "What it means", "Why it happens", "Causes", "Quick fixes", "Sources"]) {
      expect(await page.locator("h2", { hasText: heading }).count(), heading).toBe(1);
    }
    expect(await page.locator("ol.fixes > li").count()).toBe(sig.fixes.length);
    expect(await page.locator("pre.cmd button.copy").count()).toBeGreaterThan(0);
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`https://errsig.dev/${SEED_ID}/`);

    for (const id of sig.related) {
      const link = page.locator(`ul.related a[href="../../${id}/"]`);
      expect(await link.count(), id).toBe(1);
    }
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "");
    expect(ld["@type"]).toBe("FAQPage");
    expect(ld.mainEntity).toHaveLength(sig.faq.length);

    await screenshot(page, "signature-desktop");
    await page.setViewportSize(WIDTHS.phone);
    await expectNoSidewaysScroll(page);
    await screenshot(page, "signature-phone");
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(21, 23, 27)");
    await screenshot(page, "signature-phone-dark");
    await page.emulateMedia({ colorScheme: "light" });

    // A related link leads to a real page.
    const first = sig.related[0];
    if (first) {
      await page.locator(`ul.related a[href="../../${first}/"]`).click();
      await page.waitForURL(`**/${first}/`);
      expect(await page.locator("h1").textContent()).toBe(getSignature(first)?.title);
    }
    await page.close();
  });

  it("the paste page diagnoses the seed case in the browser and highlights its evidence", async () => {
    for (const [name, size] of Object.entries(WIDTHS)) {
      const page = await openPage(`${server.url}paste/`, size);
      await page.fill("#paste-text", SEED_TEXT);
      await page.click('button[type="submit"]');
      const top = page.locator("li.diagnosis").first();
      await top.waitFor();
      expect(await top.getAttribute("data-id")).toBe(SEED_ID);
      expect(await top.locator("h3").textContent()).toBe(getSignature(SEED_ID)?.title);

      // The evidence is marked inside the pasted text, which is otherwise shown verbatim.
      const marks = await page.locator("#paste-highlighted mark").allTextContents();
      expect(marks.join("\n")).toContain("401 Invalid authentication credentials");
      expect(marks.join("\n")).toContain("oauth/token returned 400");
      expect(await page.locator("#paste-highlighted").textContent()).toBe(SEED_TEXT);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `paste-${name}`);

      await top.locator("a.more").click();
      await page.waitForURL(`**/${SEED_ID}/`);
      expect(await page.locator("h1").textContent()).toBe(getSignature(SEED_ID)?.title);
      await page.close();
    }
  });

  it("pasted markup is shown as text, unknown text gets no diagnosis, and the example button works", async () => {
    const page = await openPage(`${server.url}paste/`);
    await page.fill("#paste-text", '<img src=x onerror="window.__owned=1"> hello world, nothing to see');
    await page.click('button[type="submit"]');
    await page.locator("li.none").waitFor();
    expect(await page.locator("#paste-highlighted img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __owned?: number }).__owned)).toBeUndefined();

    // "Try an example" fills in a real case and diagnoses it.
    await page.click("#paste-example");
    expect(await page.inputValue("#paste-text")).toBe(SEED_TEXT);
    expect(await page.locator("li.diagnosis").first().getAttribute("data-id")).toBe(SEED_ID);
    await page.close();
  });

  it("made no request outside the site and logged no errors", () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
