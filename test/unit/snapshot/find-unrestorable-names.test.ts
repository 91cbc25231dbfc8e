import { describe, expect, it } from "@jest/globals";
import {
  FOLDING_EVERYTHING,
  findUnrestorableNames,
  type NameFolding,
} from "../../../core/snapshot/find-unrestorable-names.js";

const linux: NameFolding = { caseSensitive: true, normalizationSensitive: true, windows: false };
const mac: NameFolding = { caseSensitive: false, normalizationSensitive: false, windows: false };
const names = ["Makefile", "makefile", "caf\u00e9", "cafe\u0301", "a\\b", "Conf", "conf/app.yaml"];

describe("findUnrestorableNames", () => {
  it("finds nothing on a file system that tells every name apart", () => {
    expect(findUnrestorableNames(names, linux)).toEqual([]);
  });

  it("lists each path that collides where case and normalisation fold, directories included", () => {
    expect(findUnrestorableNames(names, mac)).toEqual([
      { path: "makefile", reason: "'makefile' and 'Makefile' are one name there" },
      { path: "cafe\u0301", reason: "'cafe\u0301' and 'caf\u00e9' are one name there" },
      { path: "conf/app.yaml", reason: "'conf' and 'Conf' are one name there" },
    ]);
  });

  it("folds only what the file system folds", () => {
    const caseOnly = { ...linux, caseSensitive: false };
    expect(findUnrestorableNames(names, caseOnly).map((p) => p.path)).toEqual([
      "makefile",
      "conf/app.yaml",
    ]);
  });

  it("on Windows, a backslash or a drive letter cannot be part of a name", () => {
    expect(findUnrestorableNames(["a\\b", "C:/x", "ok"], { ...linux, windows: true })).toEqual([
      { path: "a\\b", reason: "Windows reads a backslash or a drive letter as a path" },
      { path: "C:/x", reason: "Windows reads a backslash or a drive letter as a path" },
    ]);
    expect(FOLDING_EVERYTHING.caseSensitive).toBe(false);
  });
});
