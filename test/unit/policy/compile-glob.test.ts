import { describe, expect, it } from "@jest/globals";
import picomatch from "picomatch";
import { compileGlob, MAX_GLOB_ALTERNATIVES } from "../../../core/policy/compile-glob.js";
import { compileGlobs, globSyntaxProblem } from "../../../core/policy/glob.js";

const PATHS = [
  "a",
  "b",
  "a/b",
  "a/b/c",
  "a/x/b",
  "a/x/y/b",
  ".env",
  "app/.env",
  "deploy/prod/app.yaml",
  "deploy/prod/app.yml",
  "deploy/prod/app.json",
  "deploy/prod/api/config.yaml",
  "deploy/staging/app.yaml",
  "node_modules/lib/index.js",
  "x/node_modules/lib/index.js",
  "release/1.0",
  "release/1.0/x",
  "a.b",
  "ab",
  "aXbYc",
  "abc",
  "file-1.txt",
  "file-9.txt",
  "*",
  "a*b",
  "]",
  "-",
  "..data/x",
  "terraform/.terraform/x.tfstate",
];

/** Globs of the documented syntax, where picomatch (the former matcher) is right. */
const GLOBS = [
  "a",
  "a/b",
  "*",
  "**",
  "a/**",
  "**/b",
  "a/**/b",
  "a/*",
  "*/b",
  "**/.env",
  "deploy/**",
  "deploy/*/app.yaml",
  "deploy/**/*.yaml",
  "deploy/prod/*.{yml,yaml}",
  "deploy/{prod,staging}/**",
  "**/node_modules/**",
  "release/*",
  "*.*",
  "a*b*c",
  "a?c",
  "a?b*",
  "file-[0-5].txt",
  "[a-c]",
  "[ab]/b",
  "\\*",
  "a\\*b",
  "[a-]",
  "**/*.tfstate",
  "..data/*",
  "a{,b}",
  "{a,b}/**",
  "a/{b,x/y}/b",
  "*/**/b",
];

describe("compileGlob", () => {
  it.each(GLOBS)("%s matches what picomatch matched", (glob) => {
    const ours = compileGlob(glob);
    const theirs = picomatch(glob, { dot: true, nonegate: true });
    expect(PATHS.filter((path) => ours(path))).toEqual(PATHS.filter((path) => theirs(path)));
  });

  it("takes [!a] and [^a] as negated classes and other characters literally", () => {
    expect(compileGlob("[!a]")("b")).toBe(true);
    expect(compileGlob("[!a]")("a")).toBe(false);
    expect(compileGlob("[^a]")("a")).toBe(false);
    // picomatch (with negation off) took this as "!, or 0 to 5".
    expect(PATHS.filter(compileGlob("file-[!0-5].txt"))).toEqual(["file-9.txt"]);
    expect(compileGlob("(a|b)")("a")).toBe(false);
    expect(compileGlob("(a|b)")("(a|b)")).toBe(true);
    expect(compileGlob("{a}")("{a}")).toBe(true);
    expect(compileGlob("a+b")("a+b")).toBe(true);
    expect(compileGlob("a+b")("aab")).toBe(false);
  });

  it("never backtracks: many stars and globstars against long hostile names", () => {
    const name = "a".repeat(250);
    const deep = Array(16).fill(name).join("/");
    // Each of these ran for seconds to hours with the former regex-based matcher.
    expect(compileGlob(`${"*a".repeat(7)}b`)(name)).toBe(false);
    expect(compileGlob(`**/${"*a".repeat(7)}*/b`)(deep)).toBe(false);
    expect(compileGlob(`${"**/*a*a/".repeat(6)}b`)(deep)).toBe(false);
    expect(compileGlob(`${"*a".repeat(7)}`)(name)).toBe(true);
    expect(compileGlobs([`**/${"*a".repeat(7)}`])(deep)).toBe(true);
  });

  it("refuses a glob whose {a,b} groups multiply past the limit", () => {
    expect(() => compileGlob("{a,b}".repeat(9))).toThrow(
      expect.objectContaining({
        code: "CONFIG",
        summary: `The glob '${"{a,b}".repeat(9)}' expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives.`,
      }),
    );
    expect(compileGlob("{a,b}".repeat(8))("ab".repeat(4))).toBe(true);
    // Reported with the policy's other problems when it is loaded.
    expect(globSyntaxProblem("{a,b}".repeat(9))).toEqual({
      message: `'${"{a,b}".repeat(9)}' expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`,
      fix: "use fewer {a,b} groups in one glob, or split it into several globs",
    });
  });
});
