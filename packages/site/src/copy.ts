/** Copy buttons on command blocks, shared by the page script and the paste page (which adds blocks later). */

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The Clipboard API needs a secure context (https or localhost); other hosts get the old way.
    const area = document.createElement("textarea");
    area.value = text;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** Append a Copy button to a `pre.cmd` that copies its code. */
export function addCopyButton(pre: HTMLPreElement): void {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.textContent = "Copy";
  button.addEventListener("click", async () => {
    const text = pre.querySelector("code")?.textContent ?? "";
    button.textContent = (await copy(text)) ? "Copied" : "Select and copy";
    setTimeout(() => (button.textContent = "Copy"), 1500);
  });
  pre.append(button);
}

/** A `pre.cmd` block with its Copy button, for content added after the page loaded. */
export function commandBlock(command: string): HTMLPreElement {
  const pre = document.createElement("pre");
  pre.className = "cmd";
  const code = document.createElement("code");
  code.textContent = command;
  pre.append(code);
  addCopyButton(pre);
  return pre;
}
