/**
 * errsig — the command-line tool. The bin is `errsig`; this entry lets other tools run it in-process
 * and reuse its signature-folder validation.
 */
export { run } from "./program.js";
export { validate, hintFor, type Problem, type ValidateResult } from "./validate.js";
export { checkRegex, checkRegexes, regexJobs, type RegexJob, type RegexVerdict } from "./redos.js";
export { CliError, EXIT } from "./errors.js";
