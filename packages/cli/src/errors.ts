/** An error meant for the user: printed as one line on stderr, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Exit codes: the contract scripts rely on (DESIGN.md §5). */
export const EXIT = { diagnosed: 0, nothing: 1, usage: 2 } as const;
