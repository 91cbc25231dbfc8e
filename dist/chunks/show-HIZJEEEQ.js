import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  STORE_OPTION,
  openStore
} from "./chunk-3DD7AWWT.js";
import {
  flag,
  json,
  renderTable,
  stringValue
} from "./chunk-6P64A6B4.js";
import "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import {
  loadSnapshot
} from "./chunk-QNEOUFJD.js";
import {
  resolveSnapshot
} from "./chunk-DPHRPEIS.js";
import "./chunk-TITZY4GY.js";
import "./chunk-WSRUPF57.js";
import {
  formatBytes
} from "./chunk-AVGWXNWA.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-DENSVYIT.js";
import "./chunk-7BAZV6R7.js";
import "./chunk-L3YJLP3Q.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";

// cli/commands/show.ts
var showCommand = {
  name: "show",
  summary: "Show one snapshot's metadata and files (without decrypting anything)",
  usage: "snapgate show SNAPSHOT --store STORE [--env ENV] [--json]",
  help: [
    "SNAPSHOT          an id prefix, ENV@SEQ, or latest (with --env)",
    "--env ENV  the environment `latest` means (needed when the store holds several)"
  ],
  json: "the manifest plus its `id`",
  options: { ...STORE_OPTION, env: { type: "string" } },
  async run(args, context) {
    const spec = args.positionals[0];
    if (!spec) throw new SnapgateError("USAGE", "Which snapshot?", { fix: `Usage: ${this.usage}` });
    const store = await openStore(args, context);
    const entry = await resolveSnapshot(store, spec, { stream: stringValue(args, "env") });
    const { manifest, id } = await loadSnapshot(store, entry);
    if (flag(args, "json")) {
      context.stdout(json({ id, ...manifest }));
      return 0;
    }
    const m = manifest.metadata;
    const lines = [
      `snapshot   ${id}`,
      `env@seq    ${manifest.stream}@${manifest.seq}`,
      `phase      ${manifest.phase}`,
      `time       ${manifest.time} (written ${manifest.writtenAt})`,
      `previous   ${manifest.prev ?? "(first of its stream)"}`,
      `signed by  ${manifest.signature.key}`,
      `recipients ${manifest.recipients.join(", ")}`,
      ...Object.entries({
        application: m.application,
        version: m.appVersion,
        commit: m.commit,
        ref: m.ref,
        deployer: m.deployer,
        change: m.changeId,
        run: m.runUrl
      }).filter(([, value]) => value).map(([key, value]) => `${key.padEnd(10)} ${value}`),
      ...m.tags.length ? [`tags       ${m.tags.join(", ")}`] : [],
      ""
    ];
    context.stdout(lines.join("\n") + "\n");
    context.stdout(
      renderTable(
        ["PATH", "MODE", "SIZE", "COMPONENT", "TIER", "BLOB"],
        manifest.files.map(
          (f) => f.type === "file" ? [
            f.path,
            f.mode.toString(8).padStart(4, "0"),
            formatBytes(f.size),
            f.component ?? "",
            f.tier ?? "",
            f.blob.slice(0, 12)
          ] : [f.path, "link", `-> ${f.target}`, f.component ?? "", f.tier ?? "", ""]
        )
      )
    );
    return 0;
  }
};
export {
  showCommand
};
