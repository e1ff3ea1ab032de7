import { CATEGORIES } from "@errsig/core";
import { z } from "zod";

/**
 * Output shapes of the tools. The SDK publishes them as each tool's `outputSchema` and checks every
 * `structuredContent` against them, so a change in core's Diagnosis that breaks the contract fails
 * the tests here instead of reaching clients.
 */

const FixShape = z.object({
  title: z.string(),
  steps: z.array(z.string()).optional(),
  command: z.string().optional(),
  platform: z.string().optional(),
});

const SourceShape = z.object({
  url: z.string(),
  title: z.string().optional(),
  state: z.string().optional(),
  date: z.string().optional(),
  note: z.string().optional(),
});

const EvidenceShape = z.object({
  matcher: z.string().describe("Name of the matcher that found this piece."),
  start: z.number().int().describe("Offset of the first character in the text you sent."),
  end: z.number().int().describe("Offset after the last character in the text you sent."),
  line: z.number().int().describe("1-based line of `start`."),
  text: z.string().describe("The matched text, secrets redacted."),
});

export const DiagnosisShape = z.object({
  id: z.string(),
  uri: z.string().describe("Resource URI of the full signature entry."),
  title: z.string(),
  tool: z.string(),
  toolName: z.string(),
  category: z.enum(CATEGORIES),
  confidence: z.number().min(0).max(1),
  matchedBy: z.enum(["rules", "fuzzy"]).describe("`rules` when the signature's matchers held; `fuzzy` when only a paraphrase search suggested it."),
  score: z.number().describe("Total weight of the matched evidence (0 for fuzzy)."),
  message: z.string().describe("The canonical error text of this signature."),
  summary: z.string(),
  why: z.string(),
  causes: z.array(z.string()),
  fixes: z.array(FixShape).describe("Most effective first."),
  prevention: z.array(z.string()),
  sources: z.array(SourceShape),
  related: z.array(z.string()),
  provider: z.boolean().describe("True when the cause is on the provider's side and waiting is the fix."),
  fixedIn: z.string().optional().describe("First version with the fix: upgrade to at least this."),
  affects: z.string().optional(),
  evidence: z.array(EvidenceShape),
  fields: z.record(z.string(), z.string()).describe("Values extracted from the text (status, endpoint, model, requestId, …), secrets redacted."),
});

export const DiagnoseOutput = z.object({
  diagnoses: z.array(DiagnosisShape).describe("Best first; empty when no signature explains the text."),
  notes: z.array(z.string()).describe("Remarks about the call, e.g. that the text was cut."),
});

export const SearchHitShape = z.object({
  id: z.string(),
  uri: z.string(),
  title: z.string(),
  tool: z.string(),
  category: z.string(),
  score: z.number().describe("0..1 relative to the best hit; 1 when listing without words."),
});

export const SearchOutput = z.object({
  hits: z.array(SearchHitShape),
});

/** `get_signature` returns the whole catalog entry; its shape is core's schema, so it is left open here. */
export const SignatureOutput = z.object({
  signature: z.record(z.string(), z.unknown()).describe("The full entry, as in signatures/<tool>/<slug>.json (defaults applied)."),
});

export const signatureUri = (id: string) => `errsig://signature/${id}`;
