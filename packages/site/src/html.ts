/**
 * HTML building blocks. Catalog text is contributor data, so the `html` template escapes every
 * interpolated value unless it is already `Html` (the output of another template): escaping is the
 * default and forgetting it is impossible, rather than something each template must remember.
 */

/** A fragment of markup that is already safe to emit. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = Html | string | number | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escape text for element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested `html` fragments and arrays pass through. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Trusted markup, for the few strings this package writes itself (never catalog text). */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * Catalog prose with `backticks` for commands and paths (the convention signatures use):
 * escaped text with the backticked parts as <code>.
 */
export function prose(text: string): Html {
  return html`${text.split("`").map((piece, i) => (i % 2 === 1 ? html`<code>${piece}</code>` : piece))}`;
}

/** Only http(s) links leave the site; anything else (javascript:, data:) becomes inert. */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "#";
}

/**
 * JSON for a <script> element: `<`, `>` and `&` become \u escapes so catalog text cannot close the
 * element (`</script>`) or open a comment; U+2028/2029 too, for old JavaScript parsers.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return raw(json);
}

/** Cut text to `max` characters at a word boundary, for meta descriptions. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
