// `errsig validate`: the checks a custom signature folder needs before it can be used with
// --signatures: schema (file + JSON path + hint), id = file name, prefilter words, regex safety,
// examples that hit and counterexamples that do not, and ids that clash with built-in ones.
import { basename } from "node:path";
import { createDiagnoser, getSignature, matcherWords, type Signature } from "@errsig/core";
import { checkRegexes, regexJobs } from "./redos.js";
import { collectFiles, loadFile } from "./signature-files.js";

export interface Problem {
  file: string;
  /** JSON path inside the file, `$` for the whole file. */
  path: string;
  message: string;
  hint?: string;
}

/** A hint for the schema messages people meet most. */
export function hintFor(path: string, message: string): string | undefined {
  if (/not valid JSON/.test(message)) return "check for a trailing comma, a missing quote or an unescaped backslash";
  if (/expected \w+, received undefined/i.test(message)) return `add the missing field "${path.split(".").pop()}"`;
  if (/Unrecognized key/i.test(message)) return "remove the key or fix its spelling (see the $schema for the allowed keys)";
  if (path === "$.id") return 'use "<tool>/<slug>" in kebab-case, e.g. "my-tool/rate-limit-429"';
  if (/not a valid JavaScript regular expression/.test(message)) return "test the pattern with new RegExp(pattern, \"i\")";
  if (/named group/.test(message)) return "name groups after known fields only (status, model, requestId, …) or use (?:…)";
  if (/Invalid option|expected one of/i.test(message)) return "use one of the listed values";
  if (/url/i.test(message) || /\.url$/.test(path)) return "use a full https:// URL";
  if (/YYYY-MM-DD|Invalid string: must match pattern/.test(message) && /updated|date/.test(path)) return "write the date as YYYY-MM-DD";
  if (/Too small/i.test(message)) return "this field needs more content";
  return undefined;
}

export interface ValidateResult {
  files: number;
  signatures: number;
  problems: Problem[];
}

/** Validates signature files; `extra` are other custom catalogs loaded with --signatures. */
export async function validate(paths: string[], extra: Signature[] = []): Promise<ValidateResult> {
  const files = collectFiles(paths);
  const problems: Problem[] = [];
  const good: { file: string; signature: Signature }[] = [];
  for (const file of files) {
    const loaded = loadFile(file);
    for (const e of loaded.errors) problems.push({ file, path: e.path, message: e.message, hint: hintFor(e.path, e.message) });
    for (const signature of loaded.signatures) good.push({ file, signature });
  }

  const seen = new Map<string, string>();
  const usable: { file: string; signature: Signature }[] = [];
  for (const { file, signature: s } of good) {
    const slug = s.id.split("/")[1];
    const name = basename(file, ".json");
    if (name !== slug) problems.push({ file, path: "$.id", message: `is "${s.id}" but the file is named ${name}.json`, hint: `rename the file to ${slug}.json or fix the id` });
    const dup = seen.get(s.id);
    if (dup) {
      problems.push({ file, path: "$.id", message: `"${s.id}" is also the id of ${dup}`, hint: "every signature needs its own id" });
      continue; // checked once, under its first file
    }
    seen.set(s.id, file);
    if (getSignature(s.id))
      problems.push({ file, path: "$.id", message: `"${s.id}" clashes with a built-in signature (a custom one would replace it)`, hint: "pick another slug, or your own tool prefix" });
    const gating = s.match.all.length > 0 ? s.match.all : s.match.any;
    const key = s.match.all.length > 0 ? "all" : "any";
    const wordless = gating.findIndex((m) => matcherWords(m).length === 0);
    if (wordless !== -1 && (key === "any" || gating.every((m) => matcherWords(m).length === 0)))
      problems.push({ file, path: `$.match.${key}[${wordless}]`, message: "has no literal word of 3+ characters outside optional parts", hint: "anchor the matcher on a word the error always contains" });
    try {
      createDiagnoser({ builtin: false, signatures: [s] });
      usable.push({ file, signature: s });
    } catch (e) {
      problems.push({ file, path: "$.match", message: (e as Error).message });
    }
  }

  const fileOf = new Map(usable.map((u) => [u.signature.id, u.file]));
  for (const { job, verdict } of await checkRegexes(regexJobs(usable.map((u) => u.signature))))
    if (!verdict.safe)
      problems.push({
        file: fileOf.get(job.id) ?? "?",
        path: job.path,
        message: `unsafe regex: ${verdict.status}; attack string: ${verdict.attack}`,
        hint: "bound every gap (.{0,80} instead of .*) and avoid nested quantifiers such as (a+)+",
      });

  // Examples run against the built-in catalog plus every custom signature, as --signatures would.
  const mine = new Set(usable.map((u) => u.signature.id));
  const diagnoser = createDiagnoser({ signatures: [...extra.filter((s) => !mine.has(s.id)), ...usable.map((u) => u.signature)] });
  for (const { file, signature: s } of usable) {
    s.examples.forEach((ex, i) => {
      const got = diagnoser.diagnose(ex.text, { fuzzy: false });
      if (got?.id !== s.id)
        problems.push({
          file,
          path: `$.examples[${i}]`,
          message: `diagnosed as ${got ? `${got.id} (${Math.round(got.confidence * 100)}%)` : "nothing"}`,
          hint: got ? "make the matchers more specific, or give the distinctive phrase more weight" : "the matchers do not hit this text: test each pattern on it",
        });
    });
    s.counterexamples.forEach((ex, i) => {
      if (diagnoser.diagnose(ex.text, { fuzzy: false })?.id === s.id)
        problems.push({ file, path: `$.counterexamples[${i}]`, message: "is diagnosed as this signature", hint: "add a `none` matcher for what sets it apart" });
    });
  }
  return { files: files.length, signatures: good.length, problems };
}
