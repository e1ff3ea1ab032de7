import { Command, CommanderError, Option } from "commander";
import pkg from "../package.json" with { type: "json" };
import { listCommand, searchCommand, showCommand } from "./commands/catalog.js";
import { diagnoseCommand } from "./commands/diagnose.js";
import { newCommand } from "./commands/new.js";
import { scanCommand } from "./commands/scan.js";
import { validateCommand } from "./commands/validate.js";
import { contextFrom, type GlobalOptions } from "./context.js";
import { CliError, EXIT } from "./errors.js";

const collect = (value: string, previous: string[] = []) => [...previous, value];
const example = (...lines: string[]) => `\nExample${lines.length > 1 ? "s" : ""}:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** Builds the command tree; each action stores its exit code in `result.code`. */
function build(result: { code: number }): Command {
  const program = new Command("errsig")
    .description("Diagnose errors from AI coding tools and LLM APIs: what it means, how to fix it, sources.")
    .version(pkg.version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .addOption(new Option("--signatures <dir>", "add a folder of custom signatures (repeatable)").argParser(collect))
    .option("--no-color", "no colour, even on a terminal")
    .option("--debug", "show stack traces of unexpected errors")
    .configureHelp({ showGlobalOptions: true, helpWidth: 80 })
    .showHelpAfterError("(see errsig --help)")
    .addHelpText("after", example("claude 2>&1 | errsig", "errsig scan app.log", 'errsig search "keeps asking me to log in"'))
    .exitOverride();

  const globals = (cmd: Command) => contextFrom(cmd.optsWithGlobals() as GlobalOptions);
  const run = (action: (...args: never[]) => number | Promise<number>) =>
    async (...args: unknown[]) => {
      result.code = await (action as (...a: unknown[]) => number | Promise<number>)(...args);
    };

  program
    .command("diagnose", { isDefault: true })
    .description("diagnose error text given as arguments, with --file, or on stdin (the default command)")
    .argument("[text...]", "the error text")
    .option("-f, --file <path>", "read the text from a file")
    .option("-a, --all", "show the ranked alternatives too")
    .option("-t, --tool <name>", "the tool that printed it (claude-code, codex-cli, gemini-cli, …)")
    .option("--json", "print the Diagnosis object(s) as JSON")
    .addHelpText("after", example("claude 2>&1 | errsig", 'errsig "API Error: 529 Overloaded"', "errsig --file error.txt --all --json"))
    .action(run((text: string[], options: Record<string, unknown>, cmd: Command) => diagnoseCommand(globals(cmd), text, options)));

  program
    .command("scan")
    .description("summarise a whole log: each distinct error once, with count and line numbers")
    .argument("<file...>", "log files, or - for stdin")
    .option("--json", "print one JSON document")
    .option("--ndjson", "print one JSON line per finding")
    .option("-t, --tool <name>", "the tool that wrote the log")
    .addHelpText("after", example("errsig scan ~/.claude/debug/latest.log", "docker logs app 2>&1 | errsig scan - --json"))
    .action(run((files: string[], options: Record<string, unknown>, cmd: Command) => scanCommand(globals(cmd), files, options)));

  program
    .command("list")
    .description("list the signatures in the catalog")
    .option("-t, --tool <name>", "only this tool's")
    .option("-c, --category <name>", "only this category")
    .option("--json", "print JSON")
    .addHelpText("after", example("errsig list --tool codex-cli", "errsig list --category rate-limit"))
    .action(run((options: Record<string, unknown>, cmd: Command) => listCommand(globals(cmd), options)));

  program
    .command("show")
    .description("the whole troubleshooting page of one signature")
    .argument("<id>", "signature id, TOOL/SLUG")
    .option("--json", "print the signature as JSON")
    .addHelpText("after", example("errsig show claude-code/api-overloaded-529"))
    .action(run((id: string, options: Record<string, unknown>, cmd: Command) => showCommand(globals(cmd), id, options)));

  program
    .command("search")
    .description("find signatures by describing the problem in words")
    .argument("<words...>", "what happened")
    .option("-t, --tool <name>", "only this tool's")
    .option("-n, --limit <n>", "at most this many (default 10)")
    .option("--json", "print JSON")
    .addHelpText("after", example('errsig search "claude keeps asking me to login"'))
    .action(run((words: string[], options: Record<string, unknown>, cmd: Command) => searchCommand(globals(cmd), words, options)));

  program
    .command("validate")
    .description("check custom signature files: schema, regexes (incl. ReDoS), examples, id clashes")
    .argument("<paths...>", "folders or files")
    .option("--json", "print JSON")
    .addHelpText("after", example("errsig validate ./my-signatures"))
    .action(run((paths: string[], options: Record<string, unknown>, cmd: Command) => validateCommand(globals(cmd), paths, options)));

  program
    .command("new")
    .description("write a ready-to-fill signature file (with $schema)")
    .argument("<id>", "TOOL/SLUG, e.g. my-tool/rate-limit-429")
    .option("-d, --dir <dir>", "signatures folder (default ./signatures)")
    .addHelpText("after", example("errsig new my-tool/rate-limit-429 --dir ./my-signatures"))
    .action(run((id: string, options: Record<string, unknown>, cmd: Command) => newCommand(globals(cmd), id, options)));

  // Every command, the help and error output of commander included, fits 80 columns.
  for (const cmd of [program, ...program.commands]) cmd.configureHelp({ showGlobalOptions: true, helpWidth: 80 }).exitOverride();
  return program;
}

/** Runs the CLI on `argv` (without node and script); resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const result = { code: EXIT.diagnosed as number };
  const program = build(result);
  const debug = argv.includes("--debug");
  let usageMessage = "";
  for (const cmd of [program, ...program.commands])
    cmd.configureOutput({
      // Commander's own errors become the one line we print below.
      writeErr: (s) => {
        if (/^error:/.test(s)) usageMessage = s.trim().replace(/^error: /, "");
        else if (!s.startsWith("(see")) process.stderr.write(s);
      },
    });
  try {
    await program.parseAsync(argv, { from: "user" });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.diagnosed;
      process.stderr.write(`errsig: ${usageMessage || e.message.replace(/^error: /, "")} (see errsig --help)\n`);
      return EXIT.usage;
    }
    if (e instanceof CliError) {
      process.stderr.write(`errsig: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(
      debug ? `${(e as Error).stack ?? String(e)}\n` : `errsig: unexpected error: ${(e as Error).message} (run with --debug for details)\n`,
    );
    return EXIT.usage;
  }
}
