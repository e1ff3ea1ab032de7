import { describe, expect, it } from "vitest";
import { limitText } from "../src/limit-text.js";

describe("limitText", () => {
  it("leaves text within the limit alone", () => {
    const limited = limitText("short", 10);
    expect(limited).toMatchObject({ text: "short" });
    expect(limited.note).toBeUndefined();
    expect(limited.toOriginal(3)).toBe(3);
  });

  it.each([
    [10, 1000],
    [11, 1000],
    [1000, 1_000_000],
  ])("keeps head and tail of a %i-character limit on %i characters, mapping offsets back", (max, length) => {
    const input = Array.from({ length }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
    const limited = limitText(input, max);
    expect(limited.note).toMatch(new RegExp(`${length} characters.*limit of ${max}`));
    // Every character of the cut text that came from the input maps back to the same character.
    const seam = limited.text.indexOf("\n…\n");
    for (let i = 0; i < limited.text.length; i++) {
      if (i >= seam && i < seam + 3) continue;
      expect(input[limited.toOriginal(i)]).toBe(limited.text[i]);
    }
    expect(limited.text.length - 3).toBe(max);
    expect(limited.toOriginal(limited.text.length)).toBe(input.length);
  });
});
