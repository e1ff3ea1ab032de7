import { z } from "zod";

/**
 * The signature schema: the single source of truth for a catalog entry.
 * `signatures/schema.json` is generated from it (`pnpm schema`) and a test fails when they drift.
 * Every field is described so editors show help on hover.
 */

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const CATEGORIES = [
  "auth",
  "billing-quota",
  "rate-limit",
  "server-overloaded",
  "network-proxy-tls",
  "model-context",
  "request-invalid",
  "config-settings",
  "install-update",
  "platform-os",
  "permissions-sandbox",
  "tool-mcp",
  "filesystem",
  "ide-integration",
  "runtime-crash",
] as const;

export const PLATFORMS = ["all", "macos", "linux", "windows", "wsl"] as const;

/**
 * Fields a matcher may extract with a named capture group, each with the shape its value must have.
 * A value that does not fit is dropped rather than reported wrong.
 */
export const FIELD_PATTERNS = {
  status: /^[1-5]\d\d$/,
  code: /^[\w.-]{1,64}$/,
  errorType: /^[\w.-]{1,64}$/,
  endpoint: /^\S{1,300}$/,
  url: /^\S{1,300}$/,
  host: /^[\w.-]{1,253}$/,
  port: /^\d{1,5}$/,
  version: /^v?\d+(?:\.\d+){0,3}(?:[-+][\w.-]+)?$/,
  nodeVersion: /^v?\d+(?:\.\d+){0,2}$/,
  requestId: /^[\w-]{4,128}$/,
  model: /^[\w.:/@-]{1,128}$/,
  provider: /^[\w .-]{1,64}$/,
  path: /^.{1,400}$/,
  file: /^.{1,400}$/,
  command: /^.{1,200}$/,
  server: /^.{1,200}$/,
  setting: /^.{1,200}$/,
  limit: /^[\d,._]{1,20}$/,
  requested: /^[\d,._]{1,20}$/,
  retryAfter: /^[\d.]{1,12}\s*\w{0,8}$/,
  platform: /^[\w .-]{1,64}$/,
} as const satisfies Record<string, RegExp>;

export type FieldName = keyof typeof FIELD_PATTERNS;
export const FIELD_NAMES = Object.keys(FIELD_PATTERNS) as FieldName[];

const NAMED_GROUP = /\(\?<([A-Za-z_$][\w$]*)>/g;

function compiles(source: string): boolean {
  try {
    new RegExp(source, "i");
    return true;
  } catch {
    return false;
  }
}

function unknownGroups(source: string): string[] {
  return [...source.matchAll(NAMED_GROUP)]
    .map((m) => m[1] as string)
    .filter((name) => !(name in FIELD_PATTERNS));
}

const regexSource = z
  .string()
  .min(1)
  .max(2000)
  .refine(compiles, { message: "is not a valid JavaScript regular expression" })
  .refine((s) => unknownGroups(s).length === 0, {
    message: `uses a named group that is not a known field (known: ${FIELD_NAMES.join(", ")})`,
  });

export const MatcherSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/)
      .optional()
      .describe("Short kebab-case name shown in evidence (defaults to the matcher's position)."),
    regex: regexSource
      .optional()
      .describe(
        "JavaScript regular expression, always case-insensitive, run on the normalised text: ANSI codes removed, JSON escapes undone, every run of whitespace (line breaks included) folded to one space. Named groups whose names are fields (status, endpoint, version, requestId, model, …) are extracted. Must contain at least one literal word of 3+ characters outside optional parts, used by the prefilter.",
      ),
    literal: z
      .string()
      .min(3)
      .max(500)
      .optional()
      .describe("Exact text, matched case-insensitively on the normalised text (single spaces between words)."),
    weight: z
      .number()
      .min(0.1)
      .max(5)
      .default(1)
      .describe("How much this evidence counts. 1 = one ordinary piece of evidence; use 2–3 for the tool's own distinctive phrasing, 0.5 for weak context."),
    note: z.string().optional().describe("Why this matcher exists (for reviewers)."),
  })
  .strict()
  .refine((m) => (m.regex === undefined) !== (m.literal === undefined), {
    message: "a matcher needs exactly one of `regex` or `literal`",
  });

export const MatchSchema = z
  .object({
    all: z.array(MatcherSchema).max(12).default([]).describe("Every one of these must match."),
    any: z.array(MatcherSchema).max(24).default([]).describe("At least `minAny` of these must match (when non-empty)."),
    none: z.array(MatcherSchema).max(24).default([]).describe("If any of these matches, the signature does not apply."),
    minAny: z
      .number()
      .int()
      .min(0)
      .max(24)
      .default(1)
      .describe("How many `any` matchers must match (default 1). 0 makes `any` pure bonus evidence that only adds score (allowed only with `all`)."),
    window: z
      .number()
      .int()
      .min(1)
      .max(500)
      .default(40)
      .describe("Bounded cross-line window: every other piece of evidence must lie within this many lines of the first matcher's hit."),
  })
  .strict()
  .refine((m) => m.all.length + m.any.length > 0, { message: "needs at least one `all` or `any` matcher" })
  .refine((m) => m.minAny > 0 || m.all.length > 0, { message: "minAny 0 needs at least one `all` matcher", path: ["minAny"] })
  .refine((m) => m.any.length === 0 || m.minAny <= m.any.length, { message: "minAny is larger than the number of `any` matchers", path: ["minAny"] });

export const ExtractorSchema = z
  .object({
    field: z.enum(FIELD_NAMES as [FieldName, ...FieldName[]]).describe("Field to fill."),
    regex: regexSource.describe("Regex with one capture group (named or not) whose text becomes the field's value."),
  })
  .strict();

export const FixSchema = z
  .object({
    title: z.string().min(3).describe("What to do, as an imperative sentence."),
    steps: z.array(z.string().min(1)).optional().describe("Ordered steps when one command is not enough."),
    command: z.string().min(1).optional().describe("The exact command, environment variable or settings snippet to run or paste."),
    platform: z.enum(PLATFORMS).optional().describe("Platform this fix applies to (default: all)."),
  })
  .strict();

export const PlatformCheckSchema = z
  .object({
    platform: z.enum(PLATFORMS).describe("Platform this check is for."),
    check: z.string().min(3).describe("What to check."),
    command: z.string().optional().describe("Command that shows it."),
  })
  .strict();

export const SourceSchema = z
  .object({
    url: z.string().url().startsWith("https://").describe("Public URL: an issue thread, docs page, changelog or source file."),
    title: z.string().optional().describe("Title of the thread or page."),
    state: z
      .enum(["open", "closed", "merged", "docs", "source", "changelog", "discussion"])
      .optional()
      .describe("Thread state when last checked, or the kind of page."),
    date: z.string().regex(isoDate).optional().describe("Date the thread was opened (YYYY-MM-DD)."),
    note: z.string().optional().describe("What this source establishes."),
  })
  .strict();

export const ExampleSchema = z
  .object({
    text: z.string().min(1).max(20000).describe("Real error text, verbatim, that must diagnose to this signature (top-1)."),
    source: z.string().url().optional().describe("Where the text comes from."),
    note: z.string().optional(),
  })
  .strict();

export const CounterexampleSchema = z
  .object({
    text: z.string().min(1).max(20000).describe("Real text that looks alike but must NOT diagnose to this signature."),
    note: z.string().min(1).describe("Why it must not match (e.g. which signature owns it)."),
    source: z.string().url().optional(),
  })
  .strict();

export const SignatureSchema = z
  .object({
    $schema: z.string().optional().describe("Path to signatures/schema.json, for editors."),
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be <tool>/<slug>, kebab-case")
      .describe("<tool>/<slug>; equals the file path signatures/<tool>/<slug>.json."),
    tool: z.string().regex(kebab).describe("Tool that prints the error: claude-code, codex-cli, gemini-cli, openai-api, …"),
    category: z.enum(CATEGORIES).describe("Kind of failure."),
    title: z.string().min(8).max(140).describe("One line naming the root cause, as a troubleshooting page title."),
    message: z.string().min(3).describe("The canonical error text as the tool prints it."),
    summary: z.string().min(10).describe("What it means, in one or two sentences."),
    why: z.string().min(10).describe("Why it happens: the mechanism behind the error."),
    causes: z.array(z.string().min(3)).min(1).describe("Concrete causes, most common first."),
    fixes: z.array(FixSchema).min(1).describe("Quick fixes with exact commands, most effective first."),
    platformChecks: z.array(PlatformCheckSchema).default([]).describe("Checks that differ per platform."),
    steps: z.array(z.string().min(3)).default([]).describe("Step-by-step resolution when quick fixes fail."),
    prevention: z.array(z.string().min(3)).default([]).describe("How to keep it from happening again."),
    sources: z.array(SourceSchema).min(1).describe("Public evidence: issue threads (with state and date), docs, source."),
    related: z.array(z.string()).default([]).describe("Ids of related signatures."),
    faq: z
      .array(z.object({ q: z.string().min(3), a: z.string().min(3) }).strict())
      .default([])
      .describe("Questions people ask about this error, with answers."),
    keywords: z.array(z.string().min(2)).default([]).describe("Extra words people use to describe the problem (for search)."),
    updated: z.string().regex(isoDate).describe("Date this entry was last reviewed (YYYY-MM-DD)."),
    versions: z
      .object({
        affects: z.string().optional().describe("Versions known to be affected, e.g. '>=2.0.0 <2.1.5'."),
        fixedIn: z.string().optional().describe("First version with the fix; a diagnosis says 'upgrade to ≥ this'."),
      })
      .strict()
      .optional()
      .describe("Version facts where known."),
    provider: z.boolean().default(false).describe("True when the cause is on the provider's side and waiting is the fix."),
    match: MatchSchema.describe("Declarative matching rules."),
    extract: z.array(ExtractorSchema).default([]).describe("Extra field extractors that do not affect matching."),
    examples: z.array(ExampleSchema).min(1).describe("Real texts that must diagnose to this signature."),
    counterexamples: z.array(CounterexampleSchema).default([]).describe("Near misses that must not."),
  })
  .strict()
  .refine((s) => s.id.startsWith(`${s.tool}/`), { message: "id must start with `<tool>/`", path: ["id"] })
  .superRefine((s, ctx) => {
    // A repeated example or source proves nothing twice; a repeated matcher counts its evidence twice.
    const repeats = (items: readonly { key: string | undefined; path: PropertyKey[] }[], what: string) => {
      const seen = new Set<string>();
      for (const { key, path } of items) {
        if (key === undefined) continue;
        if (seen.has(key)) ctx.addIssue({ code: "custom", message: `repeats an earlier ${what}`, path });
        seen.add(key);
      }
    };
    repeats(s.sources.map((x, i) => ({ key: x.url, path: ["sources", i, "url"] })), "source url");
    repeats(s.examples.map((x, i) => ({ key: x.text, path: ["examples", i, "text"] })), "example text");
    repeats(s.counterexamples.map((x, i) => ({ key: x.text, path: ["counterexamples", i, "text"] })), "counterexample text");
    const matchers = (["all", "any", "none"] as const).flatMap((list) => s.match[list].map((m, i) => ({ m, path: ["match", list, i] })));
    repeats(matchers.map(({ m, path }) => ({ key: m.regex ?? `literal:${m.literal}`, path })), "matcher (use minAny 0 for bonus-only `any`)");
    repeats(matchers.map(({ m, path }) => ({ key: m.name, path: [...path, "name"] })), "matcher name");
  });

/** A validated signature (defaults applied). */
export type Signature = z.output<typeof SignatureSchema>;
/** A signature as written in a JSON file (defaults optional). */
export type SignatureInput = z.input<typeof SignatureSchema>;
export type Matcher = z.output<typeof MatcherSchema>;
export type Category = (typeof CATEGORIES)[number];
export type Fix = z.output<typeof FixSchema>;
export type Source = z.output<typeof SourceSchema>;
