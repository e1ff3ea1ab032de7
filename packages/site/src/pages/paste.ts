import { toolName, type Signature } from "@errsig/core";
import { html } from "../html.js";
import { groupByTool, type SiteContext } from "../model.js";
import { layout } from "./layout.js";

/** A real two-line case (Claude Code, OAuth refresh after early revocation) for "Try an example". */
export const EXAMPLE = "API Error: 401 Invalid authentication credentials\nPOST https://platform.claude.com/v1/oauth/token returned 400";

/**
 * The "paste your error" page. The form is static; src/paste.ts (bundled with @errsig/core) runs
 * the diagnosis in the browser, so pasted text never leaves the page.
 */
export function renderPastePage(ctx: SiteContext, signatures: readonly Signature[]): string {
  const tools = groupByTool(signatures).map((g) => g.tool);
  const main = html`<h1>Paste your error</h1>
<p class="lede">Paste the error with a few lines around it: a terminal screen, a log, a stack trace. errsig runs in your browser; nothing you paste is sent anywhere.</p>

<form id="paste-form" class="paste" data-root="../">
  <label for="paste-text">Error text</label>
  <textarea id="paste-text" name="text" rows="9" spellcheck="false" autocapitalize="off" autocomplete="off"
    placeholder="API Error: 401 {&quot;type&quot;:&quot;error&quot;,&quot;error&quot;:{&quot;type&quot;:&quot;authentication_error&quot;, …"></textarea>
  <div class="paste-actions">
    <label for="paste-tool">Tool <span class="muted">(optional)</span></label>
    <select id="paste-tool" name="tool">
      <option value="">Any tool</option>
      ${tools.map((t) => html`<option value="${t}">${toolName(t)}</option>`)}
    </select>
    <button type="button" class="secondary" id="paste-example" data-example="${EXAMPLE}">Try an example</button>
    <button type="submit">Diagnose</button>
  </div>
</form>
<noscript><p class="callout">This page needs JavaScript to run the matcher. You can still <a href="../">browse the catalog</a>.</p></noscript>

<section id="paste-results" aria-live="polite" hidden>
  <h2 id="paste-summary">Diagnoses</h2>
  <ol id="paste-diagnoses" class="diagnoses"></ol>
  <h2>Your text</h2>
  <p class="evidence-label" id="paste-evidence-label"></p>
  <pre id="paste-highlighted" class="pasted"></pre>
</section>`;
  return layout(
    ctx,
    {
      path: "paste/",
      title: "Paste your error — errsig",
      description: "Paste an error from Claude Code, Codex CLI, Gemini CLI or an LLM API and see what it means and how to fix it. Runs in your browser.",
      script: ctx.assets.paste,
      nav: "paste",
    },
    main,
  );
}
