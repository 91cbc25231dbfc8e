import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  POLICY_HELP,
  POLICY_OPTION,
  requireCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  coverageReport
} from "./chunk-OVQKP5CQ.js";
import "./chunk-IBXZMUQC.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  stringValue
} from "./chunk-6P64A6B4.js";
import {
  isExcludedDirectory
} from "./chunk-R2KH2HOX.js";
import "./chunk-73STOSWY.js";
import "./chunk-BXQJ3NVO.js";
import {
  collectFiles
} from "./chunk-FVHYGXQ4.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-ZITD4ZB6.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/coverage.ts
import { resolve } from "node:path";
var OUT_OF_SCOPE_SHOWN = 10;
function describe(report, tier) {
  const lines = [];
  const files = report.tiers.reduce((sum, entry) => sum + entry.files, 0);
  const covered = report.tiers.reduce((sum, entry) => sum + entry.covered, 0);
  lines.push(
    `${report.environment} (${tier}): ${files} file(s) in scope, ${covered} in a component`
  );
  for (const entry of report.tiers) {
    lines.push(
      `  ${entry.tier} (level ${entry.level}): ${entry.files} file(s), ${entry.covered} covered, ${entry.uncovered.length} uncovered, ${entry.excepted.length} excepted`
    );
    for (const path of entry.uncovered) lines.push(`    uncovered  ${path}`);
    for (const path of entry.excepted) lines.push(`    excepted   ${path}`);
  }
  for (const [component, count] of Object.entries(report.components))
    lines.push(`  component ${component}: ${count} file(s)`);
  if (report.missingComponents.length)
    lines.push(`  required component(s) with no file: ${report.missingComponents.join(", ")}`);
  if (report.secretsOutsideComponents.length) {
    lines.push("  secret-looking file(s) in no component:");
    for (const path of report.secretsOutsideComponents) lines.push(`    secret     ${path}`);
  }
  if (report.outOfScope.length) {
    lines.push(`  ${report.outOfScope.length} file(s) outside the environment's paths:`);
    for (const path of report.outOfScope.slice(0, OUT_OF_SCOPE_SHOWN))
      lines.push(`    outside    ${path}`);
    if (report.outOfScope.length > OUT_OF_SCOPE_SHOWN)
      lines.push(
        `    and ${report.outOfScope.length - OUT_OF_SCOPE_SHOWN} more (--json lists them all)`
      );
  }
  if (report.excluded.length) lines.push(`  ${report.excluded.length} path(s) excluded`);
  lines.push(
    report.failed ? `  FAIL: ${report.uncoveredTier0.length} tier-0 path(s) uncovered, ${report.missingComponents.length} required component(s) missing.` : "  ok: every tier-0 path is covered and every required component has files."
  );
  return lines;
}
var coverageCommand = {
  name: "coverage",
  summary: "Which files of the checkout the policy's components cover, per environment and tier (no store needed)",
  usage: "snapgate coverage [--env ENV] [--policy FILE] [--root DIR] [--json] [PATH...]",
  help: [
    "PATH...               files, directories or globs to check (default: the whole root)",
    "--env ENV             one environment (default: every environment of the policy)",
    "--root DIR            the repository root (default: the working directory)",
    POLICY_HELP,
    `exit codes: 0 covered, ${EXIT_PROBLEMS} a tier-0 path in no component (and no active exception) or a required component with no file`
  ],
  json: "`{ok, policy, environments: [{environment, tiers: [{tier, level, files, covered, uncovered[], excepted[]}], components: {name: files}, missingComponents[], excluded[], outOfScope[], secretsOutsideComponents[], uncoveredTier0[], failed}]}` (`failed`: a tier-0 path uncovered or a required component with no file, as the gate decides)",
  options: { env: { type: "string" }, root: { type: "string" }, ...POLICY_OPTION },
  async run(args, context) {
    const root = resolve(context.cwd, stringValue(args, "root") ?? ".");
    const { policy, file } = await requireCliPolicy(args, context, root, "coverage");
    const env = stringValue(args, "env");
    if (env !== void 0 && !policy.environments[env]) {
      throw new SnapgateError("USAGE", `The policy ${file} has no environment '${env}'.`, {
        fix: `Use one of: ${Object.keys(policy.environments).join(", ")}.`
      });
    }
    const collected = await collectFiles({
      root,
      patterns: args.positionals.length ? args.positionals : ["."],
      isExcludedDirectory: (path) => isExcludedDirectory(policy, path)
    });
    const paths = collected.files.map((entry) => entry.path);
    const environments = env ? [env] : Object.keys(policy.environments);
    const reports = environments.map((name) => {
      const report = coverageReport(policy, name, paths);
      report.excluded = [...collected.excluded, ...report.excluded].sort();
      return report;
    });
    const ok = !reports.some((report) => report.failed);
    if (flag(args, "json")) {
      context.stdout(json({ ok, policy: file, environments: reports }));
    } else {
      const lines = reports.flatMap(
        (report) => describe(report, policy.environments[report.environment]?.tier ?? "?")
      );
      context.stdout(`${lines.join("\n")}
`);
    }
    return ok ? 0 : EXIT_PROBLEMS;
  }
};
export {
  coverageCommand
};
