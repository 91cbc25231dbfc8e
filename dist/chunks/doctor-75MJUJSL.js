import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  STORE_OPTION,
  openGitHub,
  storeSpec
} from "./chunk-TPBVYUMC.js";
import {
  EXIT_PROBLEMS
} from "./chunk-CSCAEEYM.js";
import "./chunk-WIE2Z5X7.js";
import {
  flag,
  json,
  renderTable,
  stringValue
} from "./chunk-H7HHPLOE.js";
import "./chunk-WHUW7ABC.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";

// cli/commands/doctor.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
async function checkLocalStore(path) {
  const info = await stat(path).catch(() => void 0);
  if (!info) {
    throw new SnapgateError("STORE_MISSING", `There is no store at ${path}.`, {
      fix: "Check --store."
    });
  }
  const writable = (info.mode & 18) !== 0;
  return [
    writable ? {
      check: "only the owner can write the store",
      ok: false,
      detail: `${path} has mode ${(info.mode & 511).toString(8)}: group or others can write it`,
      fix: `chmod go-w ${path}`
    } : {
      check: "only the owner can write the store",
      ok: true,
      detail: `mode ${(info.mode & 511).toString(8)}`
    }
  ];
}
var doctorCommand = {
  name: "doctor",
  summary: "Check the backup repository's protection (private, rulesets, who can push) and say what to fix",
  usage: "snapgate doctor --store github://OWNER/REPO[@branch] [--app-id ID] [--token T] [--json]",
  help: [
    "--store STORE     the backup repository (or a local store: its directory permissions)",
    "--app-id ID       the Snapgate App's id, which must be the only bypass actor",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} something to fix`
  ],
  options: { ...STORE_OPTION, "app-id": { type: "string" } },
  async run(args, context) {
    const spec = storeSpec(args, context);
    const appIdText = stringValue(args, "app-id");
    const appId = appIdText === void 0 ? void 0 : Number(appIdText);
    if (appId !== void 0 && !Number.isInteger(appId)) {
      throw new SnapgateError("USAGE", `--app-id '${appIdText}' is not a number.`, {
        fix: "Give the App's numeric id (its settings page shows it)."
      });
    }
    let findings;
    if (spec.startsWith("github://")) {
      const { client, location } = await openGitHub(args, context);
      const { checkBackupRepository } = await import("./check-backup-repository-IDMOXDS2.js");
      findings = await checkBackupRepository(
        client,
        location,
        appId === void 0 ? {} : { appId }
      );
    } else {
      findings = await checkLocalStore(resolve(context.cwd, spec));
    }
    const ok = findings.every((finding) => finding.ok === true);
    if (flag(args, "json")) {
      context.stdout(json({ ok, findings }));
    } else {
      context.stdout(
        renderTable(
          ["CHECK", "STATE", "DETAIL"],
          findings.map((f) => [
            f.check,
            f.ok === true ? "ok" : f.ok === false ? "FIX" : "unknown",
            f.detail
          ])
        )
      );
      for (const finding of findings)
        if (finding.fix && finding.ok !== true) context.stdout(`fix: ${finding.fix}
`);
    }
    return ok ? 0 : EXIT_PROBLEMS;
  }
};
export {
  doctorCommand
};
