import { createDiagnoser, SignatureError } from "@errsig/core";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { parseCliArgs, USAGE, UsageError } from "./args.js";
import { serveHttp } from "./http.js";
import { loadSignatureDirs, SignatureLoadError } from "./load-signatures.js";
import { createErrsigServer } from "./server.js";
import { VERSION } from "./version.js";

/**
 * The `errsig-mcp` command. Once serving, everything human-readable goes to stderr: on stdio,
 * stdout carries the protocol and a stray line there would corrupt it. `--help` and `--version`
 * speak no protocol, so they print to stdout like any command.
 * @returns the exit code when the process should end now, or null while the server runs.
 */
export async function main(argv: string[]): Promise<number | null> {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`errsig-mcp: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }

  let diagnoser;
  try {
    const custom = await loadSignatureDirs(options.signatureDirs);
    // Built once, before any client connects, and shared by every session.
    diagnoser = createDiagnoser({ signatures: custom });
    void diagnoser.catalog; // compile the built-in catalog now, not on the first call
  } catch (error) {
    if (!(error instanceof SignatureLoadError || error instanceof SignatureError)) throw error;
    process.stderr.write(`errsig-mcp: cannot load custom signatures:\n${error.message}\n`);
    return 1;
  }
  const serverOptions = { diagnoser, maxTextLength: options.maxTextLength };

  if (options.http) {
    let handle;
    try {
      handle = await serveHttp({ host: options.host, port: options.port, createServer: () => createErrsigServer(serverOptions) });
    } catch (error) {
      // EADDRINUSE, EACCES, an unknown host: the user's to fix, so a sentence rather than a stack.
      process.stderr.write(`errsig-mcp: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`);
      return 1;
    }
    process.stderr.write(`errsig-mcp ${VERSION}: listening on ${handle.url}\n`);
    return null;
  }
  await createErrsigServer(serverOptions).connect(new StdioServerTransport());
  return null;
}
