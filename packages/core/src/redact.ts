/**
 * Secret redaction for every string a diagnosis returns that came from the input (evidence text,
 * extracted fields). Patterns cover the token formats that show up in pasted errors; each is
 * bounded so redaction stays linear on hostile input.
 */
const MASK = "[REDACTED]";

/** [pattern, replacement]; replacements keep a recognisable prefix so the reader knows what it was. */
const RULES: [RegExp, string][] = [
  // Private key blocks first: they contain base64 that other rules would half-match.
  [/-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----[\s\S]{0,20000}?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|$)/g, `-----BEGIN PRIVATE KEY----- ${MASK}`],
  [/\bsk-ant-[A-Za-z0-9_-]{8,}/g, `sk-ant-${MASK}`],
  [/\bsk-or-v\d-[A-Za-z0-9_-]{8,}/g, `sk-or-${MASK}`],
  [/\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,}/g, `sk-${MASK}`],
  [/\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{12,}/g, MASK],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, `gh_${MASK}`],
  [/\bgithub_pat_[A-Za-z0-9_]{20,}/g, `github_pat_${MASK}`],
  [/\bglpat-[A-Za-z0-9_-]{16,}/g, `glpat-${MASK}`],
  [/\bAIza[0-9A-Za-z_-]{30,}/g, `AIza${MASK}`],
  [/\bya29\.[0-9A-Za-z_-]{16,}/g, `ya29.${MASK}`],
  [/\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\b/g, `AKIA${MASK}`],
  [/(aws_secret_access_key|aws_session_token)(["']?\s{0,4}[=:]\s{0,4}["']?)[A-Za-z0-9/+=]{16,}/gi, `$1$2${MASK}`],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, `xox-${MASK}`],
  [/\bhooks\.slack\.com\/services\/[A-Za-z0-9/]{10,}/g, `hooks.slack.com/services/${MASK}`],
  [/\bhf_[A-Za-z0-9]{20,}/g, `hf_${MASK}`],
  [/\bnpm_[A-Za-z0-9]{30,}/g, `npm_${MASK}`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, `[REDACTED JWT]`],
  // Bearer/Basic credentials: the value must contain a digit, so prose ("bearer authentication") survives.
  [/\b(Bearer|Basic)(\s{1,4})(?=[A-Za-z._~+/=-]{0,200}[0-9])[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${MASK}`],
  // Credentials in URLs: scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@]{1,100}:)[^\s@/]{1,200}@/gi, `$1${MASK}@`],
  // Cookie headers and values.
  [/\b((?:set-)?cookie["']?\s{0,4}[:=]\s{0,4})[^\n\r]{1,4000}/gi, `$1${MASK}`],
  // key=value / "key": "value" pairs whose name says secret.
  [
    /\b((?:api[_-]?key|x-api-key|access[_-]?token|refresh[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|passwd|pwd|authorization)["']?\s{0,4}[:=]\s{0,4}["']?)(?!\[REDACTED)[^\s"',;}&]{6,}/gi,
    `$1${MASK}`,
  ],
];

/** Returns `text` with every recognised secret replaced. */
export function redact(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) {
    pattern.lastIndex = 0;
    if (pattern.test(out)) {
      pattern.lastIndex = 0;
      out = out.replace(pattern, replacement);
    }
  }
  return out;
}
