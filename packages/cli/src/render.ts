// Terminal output for people: plain text that fits 80 columns, with colour only when enabled.
import { redact, type Diagnosis, type SearchHit, type Signature } from "@errsig/core";
import type { ScanFinding } from "@errsig/stream";
import type { Colors } from "./color.js";
import { truncate, wrap, wrapCommand } from "./wrap.js";

const pct = (c: number) => `${Math.round(c * 100)}%`;
const num = (n: number) => n.toLocaleString("en-US");

function heading(c: Colors, text: string): string {
  return c.bold(c.underline(text));
}

/** Numbered fixes with each command on a line of its own, after a `$`. */
function fixes(c: Colors, list: Diagnosis["fixes"], cols: number): string[] {
  const out: string[] = [];
  list.forEach((fix, i) => {
    const n = `${i + 1}. `;
    const platform = fix.platform && fix.platform !== "all" ? c.dim(` (${fix.platform})`) : "";
    out.push(wrap(`${fix.title}${platform}`, cols, "     ", `  ${n}`));
    // A link is not a command: no prompt in front of it.
    if (fix.command && /^https?:\/\/\S+$/.test(fix.command)) out.push(`       ${c.blue(fix.command)}`);
    else if (fix.command) out.push(...wrapCommand(fix.command, cols, "       ", "$ ").map((l) => c.cyan(l)));
    for (const step of fix.steps ?? []) out.push(wrap(step, cols, "         ", "       - "));
  });
  return out;
}

function sources(c: Colors, list: Diagnosis["sources"], cols: number): string[] {
  return list.flatMap((s) => {
    const label = [s.title, "state" in s && s.state ? `${s.state}${"date" in s && s.date ? `, ${s.date}` : ""}` : ""].filter(Boolean).join(" — ");
    return [...(label ? [wrap(label, cols, "    ", "  • ")] : []), `${label ? "    " : "  • "}${c.blue(s.url)}`];
  });
}

/**
 * The line around a piece of evidence, the matched part highlighted. The context is redacted too:
 * evidence text is redacted by core, the surrounding input is not.
 */
function evidenceLine(c: Colors, input: string, e: Diagnosis["evidence"][number], cols: number): string {
  const lineStart = input.lastIndexOf("\n", e.start - 1) + 1;
  let lineEnd = input.indexOf("\n", e.end);
  if (lineEnd === -1) lineEnd = input.length;
  const flat = (s: string) => s.replace(/\s+/g, " ");
  let before = flat(redact(input.slice(lineStart, e.start)));
  let after = flat(redact(input.slice(e.end, lineEnd)));
  const match = flat(e.text);
  const label = `  line ${e.line}: `;
  const room = cols - label.length - match.length - 2;
  if (room < 8) return `${c.dim(label)}${c.yellow(c.bold(truncate(match, cols - label.length)))}`;
  const half = Math.floor(room / 2);
  if (before.length > half && after.length > half) {
    before = `…${before.slice(-(half - 1))}`;
    after = `${after.slice(0, room - half - 1)}…`;
  } else if (before.length > half) before = `…${before.slice(-(room - after.length - 1))}`;
  else if (after.length > room - before.length) after = `${after.slice(0, room - before.length - 1)}…`;
  const hl = c.isColorSupported ? c.yellow(c.bold(match)) : `»${match}«`;
  return `${c.dim(label)}${before}${hl}${after}`;
}

/** The best diagnosis for a person: title, tool, confidence, meaning, fixes, evidence, sources. */
export function renderDiagnosis(c: Colors, d: Diagnosis, input: string, cols: number): string {
  const out: string[] = [];
  out.push(c.bold(c.red(wrap(d.title, cols))));
  const how = d.matchedBy === "fuzzy" ? " · guessed from the wording" : "";
  out.push(c.dim(wrap(`${d.toolName} · ${d.category} · ${pct(d.confidence)} confidence${how}`, cols)));
  out.push(c.dim(`id: ${d.id}`));
  out.push("", heading(c, "What it means"), wrap(d.summary, cols, "  "));
  if (d.why) out.push(wrap(d.why, cols, "  "));
  if (d.fixedIn) out.push(wrap(`Fixed in ${d.fixedIn}: upgrade to ≥ ${d.fixedIn}.`, cols, "  "));
  const fields = Object.entries(d.fields);
  if (fields.length > 0) out.push(wrap(`Details: ${fields.map(([k, v]) => `${k} ${v}`).join(" · ")}`, cols, "    ", "  "));
  out.push("", heading(c, "Fixes"), ...fixes(c, d.fixes, cols));
  if (d.evidence.length > 0) {
    out.push("", heading(c, "Evidence"));
    for (const e of d.evidence.slice(0, 4)) out.push(evidenceLine(c, input, e, cols));
  }
  if (d.sources.length > 0) out.push("", heading(c, "Sources"), ...sources(c, d.sources.slice(0, 4), cols));
  out.push("", c.dim(`More: errsig show ${d.id}`));
  return out.join("\n");
}

/** `--all`: the ranked alternatives after the best one. */
export function renderAlternatives(c: Colors, rest: Diagnosis[], cols: number): string {
  if (rest.length === 0) return "";
  const out = ["", heading(c, "Other candidates")];
  rest.forEach((d, i) => {
    out.push(`  ${i + 2}. ${c.bold(d.id)} ${c.dim(pct(d.confidence))}`);
    out.push(wrap(d.title, cols, "     "));
  });
  return out.join("\n");
}

export function renderNoMatch(c: Colors, text: string): string {
  const words = text.replace(/\s+/g, " ").trim().split(" ").slice(0, 8).join(" ").replace(/"/g, "");
  return [
    "No known error matched this text.",
    `Describe it in words instead: ${c.cyan(`errsig search "${truncate(words, 50)}"`)}`,
  ].join("\n");
}

/** `scan`: each distinct diagnosis once, most frequent first. */
export function renderScan(c: Colors, name: string, report: { lines: number; findings: ScanFinding[] }, cols: number): string {
  const total = report.findings.reduce((n, f) => n + f.count, 0);
  const out = [
    c.bold(
      wrap(
        `${name}: ${num(report.lines)} lines, ${report.findings.length} distinct error${report.findings.length === 1 ? "" : "s"}` +
          (total > report.findings.length ? ` (${num(total)} occurrences)` : ""),
        cols,
      ),
    ),
  ];
  for (const f of report.findings) {
    const count = `${num(f.count)}×`.padStart(6);
    out.push("", `${c.bold(count)}  ${c.bold(f.id)} ${c.dim(pct(f.confidence))}`);
    out.push(wrap(f.title, cols, "        "));
    const lines = f.count === 1 ? `line ${num(f.firstLine)}` : `lines ${num(f.firstLine)} … ${num(f.lastLine)}`;
    out.push(c.dim(`        ${lines}`));
    out.push(`        ${c.yellow(truncate(f.evidence.text, cols - 8))}`);
  }
  if (report.findings.length > 0) out.push("", c.dim(wrap("Fixes for each: errsig show <id>", cols)));
  return out.join("\n");
}

export function renderList(c: Colors, list: readonly Signature[], cols: number): string {
  return list.map((s) => `${c.bold(s.id)}\n${c.dim(`    ${truncate(s.title, cols - 4)}`)}`).join("\n");
}

export function renderSearch(c: Colors, hits: SearchHit[], cols: number): string {
  return hits.map((h) => `${c.dim(h.score.toFixed(2))}  ${c.bold(h.id)}\n${wrap(h.title, cols, "      ")}`).join("\n");
}

/** `show`: the whole troubleshooting page. */
export function renderSignature(c: Colors, s: Signature, cols: number): string {
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push("", heading(c, title), ...lines);
  };
  const bullets = (items: string[]) => items.map((t) => wrap(t, cols, "    ", "  • "));
  out.push(c.bold(wrap(s.title, cols)));
  out.push(c.dim(wrap(`${s.id} · ${s.category} · updated ${s.updated}`, cols)));
  section("Error", [wrap(s.message, cols, "  ")]);
  section("What it means", [wrap(s.summary, cols, "  ")]);
  section("Why it happens", [wrap(s.why, cols, "  ")]);
  section("Causes", bullets(s.causes));
  section("Fixes", fixes(c, s.fixes, cols));
  section(
    "Platform checks",
    s.platformChecks.flatMap((p) => [
      wrap(`${p.platform}: ${p.check}`, cols, "    ", "  • "),
      ...(p.command ? wrapCommand(p.command, cols, "      ", "$ ").map((l) => c.cyan(l)) : []),
    ]),
  );
  section("Step by step", s.steps.map((t, i) => wrap(t, cols, "     ", `  ${i + 1}. `)));
  section("Prevention", bullets(s.prevention));
  if (s.versions?.affects || s.versions?.fixedIn)
    section("Versions", [
      ...(s.versions.affects ? [wrap(`Affects: ${s.versions.affects}`, cols, "  ")] : []),
      ...(s.versions.fixedIn ? [wrap(`Fixed in: ${s.versions.fixedIn}`, cols, "  ")] : []),
    ]);
  section("FAQ", s.faq.flatMap((f) => [wrap(f.q, cols, "    ", "  Q: "), wrap(f.a, cols, "    ", "  A: ")]));
  section("Sources", sources(c, s.sources, cols));
  section("Related", s.related.map((r) => `  • ${r}`));
  return out.join("\n");
}
