import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  POLICY_OPTION,
  loadCliPolicy
} from "./chunk-BIX4YTP5.js";
import {
  STORE_OPTION,
  openGitHub,
  s3ClientSettings,
  storeSpec
} from "./chunk-3DD7AWWT.js";
import {
  EXIT_PROBLEMS
} from "./chunk-D6PZSJD3.js";
import {
  flag,
  json,
  renderTable,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-CU3A7CPO.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/doctor.ts
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";

// core/store/check-local-store.ts
import { lstat, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
var SHOWN = 5;
function listed(paths) {
  const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : "";
  return paths.slice(0, SHOWN).join(", ") + more;
}
async function checkLocalStore(root, uid) {
  const top = await lstat(root).catch(() => void 0);
  if (!top?.isDirectory()) {
    throw new SnapgateError("STORE_MISSING", `There is no store at ${root}.`, {
      fix: "Check --store."
    });
  }
  const writable = [];
  const foreign = [];
  let entries = 0;
  const visit = async (path) => {
    const info = await lstat(path).catch(() => void 0);
    if (!info) return;
    entries += 1;
    const name = relative(root, path) || ".";
    if (!info.isSymbolicLink() && (info.mode & 18) !== 0)
      writable.push(`${name} (${(info.mode & 511).toString(8)})`);
    if (uid !== void 0 && info.uid !== uid) foreign.push(`${name} (uid ${info.uid})`);
    if (info.isDirectory()) {
      for (const child of (await readdir(path).catch(() => [])).sort())
        await visit(join(path, child));
    }
  };
  await visit(root);
  return [
    writable.length > 0 ? {
      check: "only the owner can write the store",
      ok: false,
      detail: `${writable.length} of ${entries} folders and files are writable by group or others: ${listed(writable)}`,
      fix: `chmod -R go-w ${root}`
    } : {
      check: "only the owner can write the store",
      ok: true,
      detail: `${entries} folders and files, none writable by group or others`
    },
    foreign.length > 0 ? {
      check: "the store is owned by you",
      ok: false,
      warning: true,
      detail: `${foreign.length} of ${entries} folders and files belong to another user: ${listed(foreign)}`,
      fix: `Find out which account wrote them; if the store should be yours, chown -R ${uid} ${root}`
    } : {
      check: "the store is owned by you",
      ok: true,
      detail: uid === void 0 ? "not checked on this platform" : `all owned by uid ${uid}`
    }
  ];
}

// cli/commands/doctor.ts
var DEFAULT_ENVIRONMENT = "snapgate-restore";
var DEFAULT_SECRET = "SNAPGATE_IDENTITY";
async function restoreEnvironmentFindings(args, context, restoreRepo, appId) {
  const [owner, repo, extra] = restoreRepo.split("/");
  if (!owner || !repo || extra !== void 0) {
    throw new SnapgateError("USAGE", `--restore-repo '${restoreRepo}' is not OWNER/REPO.`, {
      fix: "Name the repository whose workflow restores, e.g. --restore-repo acme/service."
    });
  }
  const token = stringValue(args, "token") ?? context.env.GITHUB_TOKEN;
  if (!token) {
    throw new SnapgateError("USAGE", "--restore-repo needs a GitHub token.", {
      fix: "Pass --token or set GITHUB_TOKEN (a repository admin's token: secrets, environments, actions and contents read)."
    });
  }
  const [{ createGitHubClient }, { checkRestoreEnvironment }] = await Promise.all([
    import("./github-client-QPB33CWE.js"),
    import("./check-restore-environment-NPE7A3BW.js")
  ]);
  const client = createGitHubClient({
    token,
    baseUrl: stringValue(args, "api-url") ?? context.env.GITHUB_API_URL ?? "https://api.github.com"
  });
  return checkRestoreEnvironment(client, {
    owner,
    repo,
    environment: stringValue(args, "environment") ?? DEFAULT_ENVIRONMENT,
    secretName: stringValue(args, "identity-secret") ?? DEFAULT_SECRET,
    ...appId === void 0 ? {} : { appId }
  });
}
async function s3Findings(spec, args, context) {
  const [{ parseS3StoreSpec }, { createS3BucketInspector }, { checkS3Bucket }, { s3Error }] = await Promise.all([
    import("./parse-s3-store-spec-4U3OVHGL.js"),
    import("./create-s3-bucket-inspector-3CPHFOHB.js"),
    import("./check-s3-bucket-KZ4REW6F.js"),
    import("./s3-error-FFMSATEZ.js")
  ]);
  const location = parseS3StoreSpec(spec);
  const loaded = await loadCliPolicy(args, context, context.cwd);
  let floor;
  for (const tier of Object.values(loaded?.policy.tiers ?? {}))
    if (tier.retention.floor.minAgeMs > (floor?.minAgeMs ?? 0))
      floor = { tier: tier.name, minAgeMs: tier.retention.floor.minAgeMs };
  const inspector = createS3BucketInspector(s3ClientSettings(location.bucket, args, context));
  try {
    return await checkS3Bucket(inspector, location, {
      ...floor ? { floor } : {},
      now: /* @__PURE__ */ new Date(),
      probeId: randomBytes(8).toString("hex")
    });
  } catch (error) {
    throw s3Error(error, "checking the bucket", spec);
  }
}
var doctorCommand = {
  name: "doctor",
  summary: "Check the backup repository's protection (private, rulesets, who can push, rules that refuse the store's commits), an S3 bucket's WORM settings, and the restore environment, and say what to fix",
  usage: "snapgate doctor --store github://OWNER/REPO[@branch]|s3://BUCKET/PREFIX|DIR [--policy FILE] [--app-id ID] [--restore-repo OWNER/REPO [--environment NAME] [--identity-secret NAME]] [--token T] [--json]",
  help: [
    "--store STORE     the backup repository (or a local store: the permissions and owner of every folder and file in it)",
    "An s3:// store: the bucket is reachable, versioning and Object Lock are on, the default",
    "retention is at least the policy's largest retention.floor.min_age (--policy FILE, or",
    ".github/snapgate.yml here), public access is blocked, and these credentials cannot bypass",
    "GOVERNANCE retention: a probe object under locks/doctor-probe/ locked for 10 minutes, deleted",
    'with the bypass header (refused: ok). An unimplemented check is "could not check", never ok.',
    "--policy FILE     for an s3:// store: the policy whose retention floors the default retention must cover",
    "--app-id ID       the Snapgate App's id, which must be the only bypass actor (and the restore environment's protection rule)",
    "--restore-repo OWNER/REPO  also check the environment that repository's restore job runs in:",
    "                  the Snapgate App is its custom protection rule, administrators cannot bypass it,",
    "                  the identity secret is in it and is no repository or organization secret, a",
    "                  deployment branch policy is set, and a workflow's job runs in it",
    "                  (docs/restore-environment.md, docs/setup.md)",
    `--environment NAME        the restore environment (default ${DEFAULT_ENVIRONMENT})`,
    `--identity-secret NAME    the secret holding the restore identity (default ${DEFAULT_SECRET})`,
    "Bypass actors are visible only to a token with administration write (a repository admin's).",
    "Rules the store cannot satisfy (its Git Data API commits are unsigned and go straight to the",
    "branch): required signatures, pull requests, status checks, deployments, merge queue; each is",
    "flagged unless the App bypasses its ruleset.",
    `exit codes: 0 all good, ${EXIT_PROBLEMS} something to fix`
  ],
  options: {
    ...STORE_OPTION,
    ...POLICY_OPTION,
    "app-id": { type: "string" },
    "restore-repo": { type: "string" },
    environment: { type: "string" },
    "identity-secret": { type: "string" }
  },
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
    if (spec.startsWith("s3://")) {
      findings = await s3Findings(spec, args, context);
    } else if (spec.startsWith("github://")) {
      const { client, location } = await openGitHub(args, context);
      const { checkBackupRepository } = await import("./check-backup-repository-7KONKGOQ.js");
      findings = await checkBackupRepository(
        client,
        location,
        appId === void 0 ? {} : { appId }
      );
    } else {
      findings = await checkLocalStore(resolve(context.cwd, spec), process.getuid?.());
    }
    const restoreRepo = stringValue(args, "restore-repo");
    if (restoreRepo !== void 0) {
      findings.push(...await restoreEnvironmentFindings(args, context, restoreRepo, appId));
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
