import { createReadStream } from "node:fs";
import { scan, type ScanFinding, type ScanReport } from "@errsig/stream";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { checkFile, looksBinary } from "../input.js";
import { progressBar } from "../progress.js";
import { renderScan } from "../render.js";

export interface ScanCommandOptions {
  json?: boolean;
  ndjson?: boolean;
  tool?: string;
}

/** Refuses binary input on its first chunk and an empty input at its end, with the same words as diagnose. */
async function* checked(source: AsyncIterable<Buffer>, name: string): AsyncIterable<Buffer> {
  let first = true;
  let any = false;
  for await (const chunk of source) {
    if (first && looksBinary(chunk)) throw new CliError(`${name} looks like binary data, not text`);
    first = false;
    if (chunk.length > 0) any = true;
    yield chunk;
  }
  if (!any) throw new CliError(`${name} is empty`);
}

async function scanOne(ctx: Context, path: string, options: ScanCommandOptions): Promise<ScanReport> {
  const stdin = path === "-";
  if (stdin && process.stdin.isTTY) throw new CliError("no input on stdin: pipe a log in (cat app.log | errsig scan -) or name a file");
  const size = stdin ? 0 : checkFile(path);
  const name = stdin ? "stdin" : path;
  // A bar only for a file (its size is known) and only when a person watches stderr.
  const bar = !stdin && process.stderr.isTTY && size > 0 ? progressBar(size, name) : null;
  const source = stdin ? (process.stdin as AsyncIterable<Buffer>) : createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    return await scan(checked(source, name), {
      diagnoser: ctx.diagnoser(),
      ...(options.tool ? { tool: options.tool } : {}),
      ...(bar ? { onProgress: (bytes: number) => bar.update(bytes) } : {}),
    });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) throw new CliError(`cannot read ${name}: ${code}`);
    throw e;
  } finally {
    bar?.clear();
  }
}

/** What machines get for one finding: everything but the full diagnosis, plus the first fix. */
function machine(file: string, f: ScanFinding) {
  const fix = f.diagnosis.fixes[0];
  return {
    file,
    id: f.id,
    title: f.title,
    tool: f.tool,
    category: f.diagnosis.category,
    confidence: f.confidence,
    count: f.count,
    firstLine: f.firstLine,
    lastLine: f.lastLine,
    evidence: f.evidence,
    summary: f.diagnosis.summary,
    ...(fix ? { fix: { title: fix.title, ...(fix.command ? { command: fix.command } : {}) } } : {}),
  };
}

/** `errsig scan FILE…|-`: each distinct diagnosis in a whole log, once, with count and lines. */
export async function scanCommand(ctx: Context, paths: string[], options: ScanCommandOptions): Promise<number> {
  if (paths.length === 0) throw new CliError("scan needs a FILE or - for stdin (errsig scan app.log)");
  if (paths.filter((p) => p === "-").length > 1) throw new CliError("stdin (-) can be scanned only once");
  const results: { file: string; report: ScanReport }[] = [];
  for (const path of paths) {
    const report = await scanOne(ctx, path, options);
    const file = path === "-" ? "-" : path;
    results.push({ file, report });
    if (options.ndjson) for (const f of report.findings) ctx.print(JSON.stringify(machine(file, f)));
  }
  if (options.json)
    ctx.print(
      JSON.stringify(
        {
          files: results.map(({ file, report }) => ({
            file,
            lines: report.lines,
            bytes: report.bytes,
            findings: report.findings.map((f) => machine(file, f)),
          })),
        },
        null,
        2,
      ),
    );
  else if (!options.ndjson)
    ctx.print(results.map(({ file, report }) => renderScan(ctx.colors, file === "-" ? "stdin" : file, report, ctx.cols)).join("\n\n"));
  return results.some((r) => r.report.findings.length > 0) ? EXIT.diagnosed : EXIT.nothing;
}
