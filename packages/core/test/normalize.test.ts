import { describe, expect, it } from "vitest";
import { normalize, originalRange } from "../src/normalize.js";

describe("normalize", () => {
  it.each([
    ["folds wrapped lines", '"message":"OAuth\n     token has expired. Please', '"message":"OAuth token has expired. Please'],
    ["strips ANSI colour", "\u001b[31mAPI Error\u001b[0m: 401", "API Error: 401"],
    ["strips OSC hyperlinks", "\u001b]8;;https://x\u0007link\u001b]8;;\u0007", "link"],
    ["undoes JSON escapes", '{\\"type\\":\\"error\\"}', '{"type":"error"}'],
    ["undoes double escapes", '{\\\\\\"type\\\\\\":1}', '{"type":1}'],
    ["turns escaped newlines into spaces", "line one\\n    line two", "line one line two"],
    ["decodes \\u escapes", "Invalid API key \\u00b7 Please run /login", "Invalid API key · Please run /login"],
    ["unifies CRLF", "a\r\nb\r\n", "a b"],
    ["keeps Windows paths", "C:\\Users\\me", "C:\\Users\\me"],
    ["keeps \\r and \\n inside Windows paths", "spawn C:\\tools\\vendor\\ripgrep\\rg.exe ENOENT", "spawn C:\\tools\\vendor\\ripgrep\\rg.exe ENOENT"],
    ["keeps UNC path separators (a doubled backslash collapses to one)", "\\\\server\\node\\x", "\\server\\node\\x"],
    ["maps NUL and controls to spaces", "a\u0000\u0000b", "a b"],
  ])("%s", (_name, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it("maps every view character back into the input", () => {
    const input = "\u001b[1mAPI\u001b[0m   Error:\\n 401";
    const view = normalize(input);
    for (let i = 0; i < view.text.length; i++) {
      const original = view.map[i]!;
      expect(original).toBeGreaterThanOrEqual(0);
      expect(original).toBeLessThan(input.length);
      if (view.text[i] !== " ") expect(input[original]).toBe(view.text[i]);
    }
    const at = view.text.indexOf("401");
    const [start, end] = originalRange(view, at, at + 3);
    expect(input.slice(start, end)).toBe("401");
  });

  it("samples segments with offsets into the whole input", () => {
    const input = `head error${" ".repeat(100)}x`.padEnd(1000, "y") + "tail error";
    const view = normalize(input, [
      [0, 10],
      [input.length - 10, input.length],
    ]);
    expect(view.text).toBe("head error tail error");
    const at = view.text.lastIndexOf("tail");
    expect(input.slice(view.map[at]!, view.map[at]! + 4)).toBe("tail");
  });
});
