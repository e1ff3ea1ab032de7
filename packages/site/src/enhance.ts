/**
 * Browser script shared by every page. Pages work without it; it only adds Copy buttons to command
 * blocks and makes the index filter live.
 */
import { addCopyButton } from "./copy.js";

function addCopyButtons(): void {
  for (const pre of document.querySelectorAll<HTMLPreElement>("pre.cmd")) addCopyButton(pre);
}

/** Index page: hide entries that do not contain every typed word, then empty groups. State lives in ?q=&category= so a filtered view can be shared. */
function setUpFilter(): void {
  const form = document.querySelector<HTMLFormElement>("form.filter");
  const input = document.querySelector<HTMLInputElement>("#filter-q");
  const select = document.querySelector<HTMLSelectElement>("#filter-category");
  const count = document.querySelector<HTMLOutputElement>("#filter-count");
  const empty = document.querySelector<HTMLElement>("#filter-empty");
  if (!form || !input || !select || !count || !empty) return;
  const entries = [...document.querySelectorAll<HTMLElement>("li.entry")];

  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? "";
  select.value = params.get("category") ?? "";

  const apply = () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    const category = select.value;
    let shown = 0;
    for (const entry of entries) {
      const text = entry.dataset.search ?? "";
      const visible = (!category || entry.dataset.category === category) && words.every((w) => text.includes(w));
      entry.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of document.querySelectorAll<HTMLElement>("section.category, section.tool")) {
      group.hidden = !group.querySelector("li.entry:not([hidden])");
    }
    // The tool links above the list follow: only tools with matches, with their matching count.
    for (const link of document.querySelectorAll<HTMLElement>("nav.tools a[data-tool]")) {
      const matches = document.querySelectorAll(`#tool-${link.dataset.tool} li.entry:not([hidden])`).length;
      link.hidden = matches === 0;
      const number = link.querySelector(".muted");
      if (number) number.textContent = String(matches);
    }
    count.value = shown === entries.length ? `${shown} errors` : `${shown} of ${entries.length} errors`;
    empty.hidden = shown > 0;
    const next = new URLSearchParams();
    if (input.value) next.set("q", input.value);
    if (category) next.set("category", category);
    const query = next.toString();
    history.replaceState(null, "", query ? `?${query}${location.hash}` : location.pathname + location.hash);
  };

  form.addEventListener("submit", (event) => event.preventDefault());
  input.addEventListener("input", apply);
  select.addEventListener("change", apply);
  if (input.value || select.value) apply();
}

addCopyButtons();
setUpFilter();
