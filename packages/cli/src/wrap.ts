/** Output fits 80 columns (or the terminal, when narrower). */
export function width(): number {
  const cols = process.stdout.columns;
  return Math.max(40, Math.min(80, cols && cols > 0 ? cols : 80));
}

const ANSI = /\x1b\[[0-9;]*m/g;
export const visible = (s: string): number => s.replace(ANSI, "").length;

/**
 * Word-wraps text to `cols`, every line starting with `indent` (the first with `first` when given).
 * A word longer than a line (a URL) gets a line of its own rather than being cut.
 */
export function wrap(text: string, cols: number, indent = "", first = indent): string {
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = out.length === 0 ? first : indent;
    let empty = true;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!empty && visible(line) + 1 + visible(word) > cols) {
        out.push(line);
        line = indent;
        empty = true;
      }
      line += (empty ? "" : " ") + word;
      empty = false;
    }
    out.push(line);
  }
  return out.join("\n");
}

/** Cuts to `cols` visible characters with an ellipsis. */
export function truncate(text: string, cols: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= cols ? flat : `${flat.slice(0, Math.max(1, cols - 1))}…`;
}

/**
 * A one-line shell command longer than a line is split at spaces with " \\" continuations, so it
 * still fits and still pastes; a multi-line snippet (JSON, a settings block) is kept verbatim.
 */
export function wrapCommand(command: string, cols: number, indent: string, prompt: string): string[] {
  if (command.includes("\n")) return command.split(/\r?\n/).map((l) => `${indent}${l}`);
  const room = cols - indent.length - prompt.length - 2;
  const lines: string[] = [];
  let line = "";
  for (const word of command.split(" ")) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l, i) => `${indent}${i === 0 ? prompt : " ".repeat(prompt.length)}${l}${i < lines.length - 1 ? " \\" : ""}`);
}
