import { describe, expect, it } from "@jest/globals";
import { formatBytes } from "../../core/format-bytes.js";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [1023, "1023 B"],
    [1536, "1.5 KiB"],
    [20 * 1024, "20 KiB"],
    [3 * 1024 ** 3, "3.0 GiB"],
    [5 * 1024 ** 5, "5120 TiB"],
  ])("%p bytes is %p", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
