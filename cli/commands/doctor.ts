import { resolve } from "node:path";
import { SnapgateError } from "../../core/errors.js";
import type { ProtectionFinding } from "../../core/github/check-backup-repository.js";
import { checkLocalStore } from "../../core/store/check-local-store.js";
import { flag, stringValue, type Command } from "../command.js";
import { openGitHub, STORE_OPTION, storeSpec } from "../open-store.js";
import { json, renderTable } from "../output.js";
import { EXIT_PROBLEMS } from "../exit-codes.js";

export const doctorCommand: Command = {
  name: "doctor",
  summary:
    "Check the backup repository's protection (private, rulesets, who can push, rules that refuse the store's commits) and say what to fix",
  usage: "snapgate doctor --store github://OWNER/REPO[@branch] [--app-id ID] [--token T] [--json]",
  help: [
    "--store STORE     the backup repository (or a local store: the permissions and owner of every folder and file in it)",
    "--app-id ID       the Snapgate App's id, which must be the only bypass actor",
    "Bypass actors are visible only to a token with administration write (a repository admin's).",
    "Rules the store cannot satisfy (its Git Data API commits are unsigned and go straight to the",
    "branch): required signatures, pull requests, status checks, deployments, merge queue; each is",
    "flagged unless the App bypasses its ruleset.",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} something to fix`,
  ],
  options: { ...STORE_OPTION, "app-id": { type: "string" } },
  async run(args, context) {
    const spec = storeSpec(args, context);
    const appIdText = stringValue(args, "app-id");
    const appId = appIdText === undefined ? undefined : Number(appIdText);
    if (appId !== undefined && !Number.isInteger(appId)) {
      throw new SnapgateError("USAGE", `--app-id '${appIdText}' is not a number.`, {
        fix: "Give the App's numeric id (its settings page shows it).",
      });
    }
    let findings: ProtectionFinding[];
    if (spec.startsWith("github://")) {
      const { client, location } = await openGitHub(args, context);
      const { checkBackupRepository } =
        await import("../../core/github/check-backup-repository.js");
      findings = await checkBackupRepository(
        client,
        location,
        appId === undefined ? {} : { appId },
      );
    } else {
      findings = await checkLocalStore(resolve(context.cwd, spec), process.getuid?.());
    }
    const ok = findings.every((finding) => finding.ok === true || finding.warning === true);
    if (flag(args, "json")) {
      context.stdout(json({ ok, findings }));
    } else {
      context.stdout(
        renderTable(
          ["CHECK", "STATE", "DETAIL"],
          findings.map((f) => [
            f.check,
            f.ok === true ? "ok" : f.warning ? "WARN" : f.ok === false ? "FIX" : "unknown",
            f.detail,
          ]),
        ),
      );
      for (const finding of findings)
        if (finding.fix && finding.ok !== true) context.stdout(`fix: ${finding.fix}\n`);
    }
    return ok ? 0 : EXIT_PROBLEMS;
  },
};
