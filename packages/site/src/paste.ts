/**
 * Browser entry of the "paste your error" page: runs @errsig/core on the pasted text and shows the
 * ranked diagnoses, with the evidence of the selected one highlighted in the text. Everything is
 * built with DOM nodes and textContent, never innerHTML: the pasted text is untrusted.
 */
import { diagnoseAll, type Diagnosis, type Evidence } from "@errsig/core";
import { categoryLabel, isLink } from "./model.js";
import { commandBlock } from "./copy.js";
import { mergeRanges } from "./ranges.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

/** The pasted text with the evidence ranges wrapped in <mark>. */
function highlight(target: HTMLElement, text: string, evidence: readonly Evidence[]): void {
  target.replaceChildren();
  let at = 0;
  for (const [start, end] of mergeRanges(evidence, text.length)) {
    target.append(text.slice(at, start), el("mark", { text: text.slice(start, end) }));
    at = end;
  }
  target.append(text.slice(at));
  target.querySelector("mark")?.scrollIntoView?.({ block: "nearest" });
}

function card(d: Diagnosis, root: string, onSelect: () => void): HTMLLIElement {
  const href = `${root}${d.id}/`;
  const confidence = `${Math.round(d.confidence * 100)}% ${d.matchedBy === "fuzzy" ? "(suggested from wording)" : "confidence"}`;
  const item = el(
    "li",
    { className: "diagnosis" },
    el("p", { className: "meta" }, el("span", { className: "badge", text: d.toolName }), " ", el("span", { className: "badge", text: categoryLabel(d.category) }), " ", el("span", { className: "confidence", text: confidence })),
    el("h3", {}, Object.assign(el("a", { text: d.title }), { href })),
    el("p", { text: d.summary }),
  );
  item.dataset.id = d.id;

  const facts = Object.entries(d.fields);
  if (d.fixedIn) facts.push(["fixed in", d.fixedIn]);
  if (facts.length) {
    item.append(el("dl", { className: "fields" }, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", {}, el("code", { text: v }))])));
  }
  const fix = d.fixes[0];
  if (fix) {
    const first = el("div", { className: "first-fix" }, el("p", {}, el("strong", { text: "Try first: " }), fix.title));
    if (fix.command && isLink(fix.command)) {
      // A page to open (billing, status), not a command to paste.
      first.append(el("p", {}, "Open ", Object.assign(el("a", { text: fix.command }), { href: fix.command.trim(), rel: "noopener" })));
    } else if (fix.command) first.append(commandBlock(fix.command));
    item.append(first);
  }
  const evidenceButton = el("button", { className: "secondary", text: `Highlight evidence (${d.evidence.length})` });
  evidenceButton.type = "button";
  evidenceButton.addEventListener("click", onSelect);
  const more = Object.assign(el("a", { className: "more", text: "Full page: causes, all fixes, sources →" }), { href });
  item.append(el("p", { className: "actions" }, more, " ", evidenceButton));
  return item;
}

function setUp(): void {
  const form = document.querySelector<HTMLFormElement>("#paste-form");
  const textarea = document.querySelector<HTMLTextAreaElement>("#paste-text");
  const toolSelect = document.querySelector<HTMLSelectElement>("#paste-tool");
  const results = document.querySelector<HTMLElement>("#paste-results");
  const list = document.querySelector<HTMLOListElement>("#paste-diagnoses");
  const summary = document.querySelector<HTMLElement>("#paste-summary");
  const pasted = document.querySelector<HTMLElement>("#paste-highlighted");
  const evidenceLabel = document.querySelector<HTMLElement>("#paste-evidence-label");
  if (!form || !textarea || !toolSelect || !results || !list || !summary || !pasted || !evidenceLabel) return;
  const root = form.dataset.root ?? "../";

  const run = () => {
    const text = textarea.value;
    results.hidden = text.trim() === "";
    if (results.hidden) return;
    const diagnoses = diagnoseAll(text, toolSelect.value ? { tool: toolSelect.value } : {});
    const select = (index: number) => {
      const chosen = diagnoses[index];
      list.querySelectorAll("li.diagnosis").forEach((li, i) => li.classList.toggle("selected", i === index));
      highlight(pasted, text, chosen?.evidence ?? []);
      evidenceLabel.textContent = chosen ? `Highlighted: the evidence for “${chosen.title}”.` : "Nothing in it matched a catalog entry.";
    };
    list.replaceChildren(...diagnoses.map((d, i) => card(d, root, () => select(i))));
    if (diagnoses.length === 0) {
      const query = new URLSearchParams({ q: text.trim().split(/\s+/).slice(0, 3).join(" ") });
      summary.textContent = "No diagnosis";
      list.append(
        el(
          "li",
          { className: "none" },
          "errsig does not recognise this text. It may be an error of another tool, or one not in the catalog yet. ",
          Object.assign(el("a", { text: "Search the catalog" }), { href: `${root}?${query}` }),
          ".",
        ),
      );
    } else {
      summary.textContent = diagnoses.length === 1 ? "Diagnosis" : `${diagnoses.length} possible diagnoses, best first`;
    }
    select(0);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
    results.scrollIntoView?.({ block: "start", behavior: "smooth" });
  });
  // Ctrl/Cmd+Enter diagnoses without leaving the keyboard.
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) form.requestSubmit();
  });
  toolSelect.addEventListener("change", () => textarea.value && run());
  const example = document.querySelector<HTMLButtonElement>("#paste-example");
  example?.addEventListener("click", () => {
    textarea.value = example.dataset.example ?? "";
    form.requestSubmit();
  });
}

setUp();
