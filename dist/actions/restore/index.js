import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  checkApproval,
  readApprovalRequest
} from "../../chunks/chunk-BDT2C2U7.js";
import {
  policyDigest
} from "../../chunks/chunk-JLM63NIZ.js";
import {
  assertIdentityOpensSnapshot,
  restoreSnapshot
} from "../../chunks/chunk-EIINNPMH.js";
import "../../chunks/chunk-TDVGICWC.js";
import "../../chunks/chunk-CPZT5EG3.js";
import {
  loadSnapshot
} from "../../chunks/chunk-QNEOUFJD.js";
import {
  snapshotTier
} from "../../chunks/chunk-KBLB3GEK.js";
import "../../chunks/chunk-7RENLTOI.js";
import {
  identityOpener
} from "../../chunks/chunk-GQTVYYUB.js";
import "../../chunks/chunk-AYS4OF2G.js";
import {
  appendAuditEvents
} from "../../chunks/chunk-I227H2ZL.js";
import {
  trustedWriterKeys
} from "../../chunks/chunk-W3X2RYBW.js";
import "../../chunks/chunk-P4WFFHAC.js";
import "../../chunks/chunk-RQLDRNH6.js";
import "../../chunks/chunk-J7IEGQJ6.js";
import "../../chunks/chunk-HVMTTQAX.js";
import "../../chunks/chunk-LNWDKVHM.js";
import {
  signatureProblem
} from "../../chunks/chunk-4R5A4MEX.js";
import "../../chunks/chunk-EU4VU6DG.js";
import "../../chunks/chunk-KVN77OIJ.js";
import {
  resolveSnapshot
} from "../../chunks/chunk-DPHRPEIS.js";
import "../../chunks/chunk-TITZY4GY.js";
import "../../chunks/chunk-WSRUPF57.js";
import {
  formatBytes
} from "../../chunks/chunk-AVGWXNWA.js";
import "../../chunks/chunk-PZ5T2MZR.js";
import "../../chunks/chunk-CY3L4U4E.js";
import "../../chunks/chunk-K3D2YTSH.js";
import {
  IDENTITY_COMMAND_INPUT,
  POLICY_INPUT,
  STORE_INPUTS,
  defineAction,
  getInput,
  info,
  loadActionPolicy,
  markdownTable,
  maskSecret,
  openActionStore,
  readInputs,
  readRunContext,
  runAction,
  setOutput,
  storeSettings,
  workflowRunUrl,
  writeSummary
} from "../../chunks/chunk-WF5IQUBH.js";
import "../../chunks/chunk-FB3T34OJ.js";
import "../../chunks/chunk-SPJZQVYW.js";
import "../../chunks/chunk-AHAZ4DV7.js";
import "../../chunks/chunk-MAIPYA2J.js";
import "../../chunks/chunk-RB7WNJM7.js";
import "../../chunks/chunk-JTUTWXW7.js";
import "../../chunks/chunk-PP22UWMA.js";
import "../../chunks/chunk-DENSVYIT.js";
import "../../chunks/chunk-7BAZV6R7.js";
import {
  JsonSchemaValidator
} from "../../chunks/chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "../../chunks/chunk-AXJEESJ2.js";
import "../../chunks/chunk-RSJ4ROQ3.js";
import "../../chunks/chunk-JJ4XLMVP.js";
import "../../chunks/chunk-TI77TNDP.js";
import "../../chunks/chunk-XRH6QY5G.js";
import "../../chunks/chunk-FFISWQYC.js";
import "../../chunks/chunk-CU3A7CPO.js";
import "../../chunks/chunk-WPITP5OQ.js";
import "../../chunks/chunk-ZG3SENMX.js";
import "../../chunks/chunk-UZQJNIXZ.js";
import {
  require_formats,
  require_ucs2length
} from "../../chunks/chunk-MVZIGVV4.js";
import "../../chunks/chunk-R4SSWUCW.js";
import "../../chunks/chunk-JAZ2OF6U.js";
import "../../chunks/chunk-BNOD7A53.js";
import "../../chunks/chunk-U3GCPU43.js";
import "../../chunks/chunk-26DBSQQT.js";
import "../../chunks/chunk-2NBA2BLU.js";
import "../../chunks/chunk-ZITD4ZB6.js";
import "../../chunks/chunk-K6EMEHOA.js";
import "../../chunks/chunk-FHIUXZPM.js";
import "../../chunks/chunk-RXFM76GD.js";
import "../../chunks/chunk-6R3LO6XJ.js";
import "../../chunks/chunk-54LOBW6C.js";
import "../../chunks/chunk-4NNPXXFU.js";
import "../../chunks/chunk-U2VA4CFL.js";
import "../../chunks/chunk-ZUEUDRMP.js";
import {
  SnapgateError,
  isSnapgateError
} from "../../chunks/chunk-6KERQ4ZL.js";
import {
  __toESM
} from "../../chunks/chunk-H5NHOGLY.js";

// core/generated/request-execution-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var request_execution_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/request-execution.schema.json", "title": "Snapgate request execution record (snapgate.request-execution/v1)", "description": "requests/<id>/execution.json: written once: by the restore action just before it restores an approved request, or by the app just before it forgets the snapshots of an approved forget request. Records are never overwritten, so a request runs once: a second run finds the record and refuses.", "type": "object", "additionalProperties": false, "required": ["format", "request", "digest", "action", "environment", "snapshot", "paths", "run", "at"], "properties": { "format": { "const": "snapgate.request-execution/v1" }, "request": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "digest": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "action": { "enum": ["forget", "restore"] }, "environment": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "snapshot": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "paths": { "description": "The path globs restored; empty for every path.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 1e3 } }, "run": { "description": "The workflow run that executed it (its URL), or null outside GitHub Actions.", "oneOf": [{ "type": "null" }, { "type": "string", "format": "uri" }] }, "at": { "type": "string", "format": "date-time" } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var pattern4 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern5 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern6 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern7 = new RegExp("^[0-9a-f]{64}$", "u");
var formats0 = import_formats.default.fullFormats.uri;
var formats2 = import_formats.default.fullFormats["date-time"];
function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate20.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.request === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "request" }, message: "must have required property 'request'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.digest === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.environment === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.snapshot === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.paths === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "paths" }, message: "must have required property 'paths'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.run === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "run" }, message: "must have required property 'run'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.at === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err9 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.request-execution/v1" !== data0) {
        const err10 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.request-execution/v1" }, message: "must be equal to constant", schema: "snapgate.request-execution/v1", parentSchema: schema31.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.request !== void 0) {
      let data1 = data.request;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err11 = { instancePath: instancePath + "/request", schemaPath: "#/properties/request/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema31.properties.request, data: data1 };
          if (vErrors === null) {
            vErrors = [err11];
          } else {
            vErrors.push(err11);
          }
          errors++;
        }
      } else {
        const err12 = { instancePath: instancePath + "/request", schemaPath: "#/properties/request/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.request.type, parentSchema: schema31.properties.request, data: data1 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.digest !== void 0) {
      let data2 = data.digest;
      if (typeof data2 === "string") {
        if (!pattern5.test(data2)) {
          const err13 = { instancePath: instancePath + "/digest", schemaPath: "#/properties/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema31.properties.digest, data: data2 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
      } else {
        const err14 = { instancePath: instancePath + "/digest", schemaPath: "#/properties/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.digest.type, parentSchema: schema31.properties.digest, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data3 = data.action;
      if (!(data3 === "forget" || data3 === "restore")) {
        const err15 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/enum", keyword: "enum", params: { allowedValues: schema31.properties.action.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.action.enum, parentSchema: schema31.properties.action, data: data3 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.environment !== void 0) {
      let data4 = data.environment;
      if (typeof data4 === "string") {
        if (!pattern6.test(data4)) {
          const err16 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema31.properties.environment, data: data4 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/environment", schemaPath: "#/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.environment.type, parentSchema: schema31.properties.environment, data: data4 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.snapshot !== void 0) {
      let data5 = data.snapshot;
      if (typeof data5 === "string") {
        if (!pattern7.test(data5)) {
          const err18 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema31.properties.snapshot, data: data5 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.snapshot.type, parentSchema: schema31.properties.snapshot, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.paths !== void 0) {
      let data6 = data.paths;
      if (Array.isArray(data6)) {
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (func2(data7) > 1e3) {
              const err20 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/properties/paths/items/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema31.properties.paths.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err20];
              } else {
                vErrors.push(err20);
              }
              errors++;
            }
            if (func2(data7) < 1) {
              const err21 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/properties/paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.paths.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
          } else {
            const err22 = { instancePath: instancePath + "/paths/" + i0, schemaPath: "#/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.paths.items.type, parentSchema: schema31.properties.paths.items, data: data7 };
            if (vErrors === null) {
              vErrors = [err22];
            } else {
              vErrors.push(err22);
            }
            errors++;
          }
        }
      } else {
        const err23 = { instancePath: instancePath + "/paths", schemaPath: "#/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.paths.type, parentSchema: schema31.properties.paths, data: data6 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.run !== void 0) {
      let data8 = data.run;
      const _errs17 = errors;
      let valid3 = false;
      let passing0 = null;
      const _errs18 = errors;
      if (data8 !== null) {
        const err24 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema31.properties.run.oneOf[0].type, parentSchema: schema31.properties.run.oneOf[0], data: data8 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      var _valid0 = _errs18 === errors;
      if (_valid0) {
        valid3 = true;
        passing0 = 0;
      }
      const _errs20 = errors;
      if (typeof data8 === "string") {
        if (!formats0(data8)) {
          const err25 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/1/format", keyword: "format", params: { format: "uri" }, message: 'must match format "uri"', schema: "uri", parentSchema: schema31.properties.run.oneOf[1], data: data8 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.run.oneOf[1].type, parentSchema: schema31.properties.run.oneOf[1], data: data8 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
      var _valid0 = _errs20 === errors;
      if (_valid0 && valid3) {
        valid3 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid3 = true;
          passing0 = 1;
        }
      }
      if (!valid3) {
        const err27 = { instancePath: instancePath + "/run", schemaPath: "#/properties/run/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema31.properties.run.oneOf, parentSchema: schema31.properties.run, data: data8 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      } else {
        errors = _errs17;
        if (vErrors !== null) {
          if (_errs17) {
            vErrors.length = _errs17;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.at !== void 0) {
      let data9 = data.at;
      if (typeof data9 === "string") {
        if (!formats2.validate(data9)) {
          const err28 = { instancePath: instancePath + "/at", schemaPath: "#/properties/at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.at, data: data9 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/at", schemaPath: "#/properties/at/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.at.type, parentSchema: schema31.properties.at, data: data9 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/approvals/request-execution.ts
var REQUEST_EXECUTION_FORMAT = "snapgate.request-execution/v1";
var validator = new JsonSchemaValidator(
  () => request_execution_validator_default
);
function requestExecutionPath(requestId) {
  return `requests/${requestId}/execution.json`;
}
async function readRequestExecution(store, requestId) {
  const bytes = await store.readRecord(requestExecutionPath(requestId));
  if (!bytes) return null;
  try {
    const checked = validator.check(JSON.parse(Buffer.from(bytes).toString("utf8")));
    return checked.ok ? checked.value : { damaged: true };
  } catch {
    return { damaged: true };
  }
}
async function claimRequestExecution(store, request, execution) {
  const record = {
    format: REQUEST_EXECUTION_FORMAT,
    request: request.id,
    digest: request.digest,
    action: request.action,
    environment: request.subject.environment,
    snapshot: execution.snapshot,
    paths: [...execution.paths],
    run: execution.run,
    at: execution.at.toISOString()
  };
  try {
    await store.writeRecords([
      {
        path: requestExecutionPath(request.id),
        bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}
`)
      }
    ]);
  } catch (error) {
    const existing = isSnapgateError(error, "CONFLICT") ? await readRequestExecution(store, request.id) : null;
    if (existing) throw alreadyExecuted(request.id, existing);
    throw error;
  }
  return record;
}
function alreadyExecuted(requestId, execution) {
  const by = execution && "run" in execution && execution.run ? ` by ${execution.run}` : "";
  const at = execution && "at" in execution ? ` at ${execution.at}` : "";
  return new SnapgateError("POLICY", `Request ${requestId} was already executed${by}${at}.`, {
    fix: "A request runs once. Ask for a new restore request through the app if it is needed again.",
    details: { request: requestId }
  });
}

// core/approvals/authorize-restore.ts
async function authorizeRestore(input) {
  const { manifest, id } = input.snapshot;
  const where = `${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  const forged = signatureProblem(
    await loadSodium(),
    manifest,
    input.trustedKeys,
    where,
    input.writerPeriods
  );
  if (forged) {
    throw new SnapgateError("INTEGRITY", `${forged.message} Nothing was restored.`, {
      fix: forged.fix
    });
  }
  const askFix = `Ask for it through the app (\`/snapgate restore ${id.slice(0, 12)} --env ${manifest.stream}\`), and run the restore with the approved request's id (request-id).`;
  if (input.requestId === null) {
    const taken = manifest.metadata.runUrl ?? null;
    const current = input.run ? workflowRunUrl(input.run) : null;
    if (current !== null && taken !== null && sameRun(taken, current)) {
      return { kind: "same-run", runUrl: current, include: [...input.include] };
    }
    throw new SnapgateError(
      "POLICY",
      `Restoring ${where} needs an approved request: without one, only a snapshot taken by this same workflow run can be restored (automatic rollback). ${current === null ? "This restore is not running in a GitHub Actions workflow." : `This run is ${current}; the snapshot was taken by ${taken ?? "no recorded run"}.`}`,
      { fix: askFix, details: { snapshot: id, run: current, takenBy: taken } }
    );
  }
  if (!input.policy) {
    throw new SnapgateError(
      "CONFIG",
      `Checking restore request ${input.requestId} needs the policy (its digest and the tier's approvals).`,
      {
        fix: "Run the restore in a checkout of the repository's default branch, which holds .github/snapgate.yml."
      }
    );
  }
  const request = await readApprovalRequest(input.store, input.requestId);
  const execution = await readRequestExecution(input.store, request.id);
  if (execution) throw alreadyExecuted(request.id, execution);
  const tier = snapshotTier(input.policy, manifest.stream, {
    components: manifest.files.flatMap((file) => file.component ? [file.component] : []),
    tiers: manifest.files.flatMap((file) => file.tier ? [file.tier] : [])
  });
  const include = input.include.length > 0 ? [...input.include] : [...request.subject.paths ?? []];
  const { approvers } = checkApproval(await loadSodium(), request, {
    action: "restore",
    environment: manifest.stream,
    snapshots: [id],
    paths: include,
    policyDigest: `sha256:${policyDigest(input.policy)}`,
    requiredApprovals: tier.approvals,
    appKeys: input.policy.keys.app ?? [],
    now: input.now
  });
  return { kind: "request", request, approvers, include };
}
function sameRun(taken, current) {
  return taken === current || new RegExp(`^${escape(current)}/attempts/\\d+$`).test(taken);
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// core/approvals/resolve-restore-snapshot.ts
async function resolveRestoreSnapshot(store, options) {
  if (options.spec) return resolveSnapshot(store, options.spec, { stream: options.stream });
  if (!options.requestId) {
    throw new SnapgateError("USAGE", "Which snapshot should be restored?", {
      fix: "Give a snapshot (an id, ENV@SEQ, latest with the environment, or a pre-deploy step's snapshot-id output), or the id of an approved restore request."
    });
  }
  const request = await readApprovalRequest(store, options.requestId);
  const [only, ...more] = request.subject.snapshots;
  if (request.action !== "restore" || !only || more.length > 0) {
    throw new SnapgateError(
      "USAGE",
      `Request ${request.id} is not a restore of one snapshot (it asks to ${request.action} ${request.subject.snapshots.length} snapshot(s)).`,
      { fix: "Give the id of an approved restore request, as the app shows it." }
    );
  }
  return resolveSnapshot(store, only, { stream: options.stream ?? request.subject.environment });
}

// actions/restore/inputs.ts
var restoreAction = defineAction({
  id: "restore",
  name: "Snapgate restore",
  description: "Decrypt a snapshot into a directory: an approved restore request (dispatched by the Snapgate App), or this run's own pre-deploy snapshot (automatic rollback).",
  inputs: {
    ...STORE_INPUTS,
    ...POLICY_INPUT,
    snapshot: {
      kind: "string",
      description: "The snapshot: an id (or a prefix of 6+ characters), ENV@SEQ, latest (with environment), or a snapshot step's snapshot-id output. Default: the one the request names."
    },
    environment: {
      kind: "string",
      description: "The environment the snapshot must belong to (needed for latest)."
    },
    identity: {
      kind: "string",
      secret: true,
      description: "An age identity (AGE-SECRET-KEY-1...) the snapshot is encrypted to: a secret of the restore environment. Needed unless identity-command is given."
    },
    ...IDENTITY_COMMAND_INPUT,
    target: {
      kind: "string",
      required: true,
      description: "The directory to restore into (relative to the workspace). It must be empty or new unless overwrite is true."
    },
    include: {
      kind: "lines",
      description: "Restore only paths matching these globs, one per line. With a request: exactly its paths (the default)."
    },
    "request-id": {
      kind: "string",
      description: "The approved restore request to carry out (the app passes it). Without one, only a snapshot taken by this same workflow run can be restored."
    },
    "dry-run": {
      kind: "boolean",
      default: "false",
      description: "Decrypt and compare with the target; write nothing. The job summary lists what would be created or updated."
    },
    overwrite: {
      kind: "boolean",
      default: "false",
      description: "Restore into a non-empty directory, replacing the snapshot's files (other files are left alone): what a rollback into the workspace needs."
    },
    "verify-keys": {
      kind: "lines",
      description: "Trusted writer verify keys (sgw1...), one per line; the snapshot's signature must match one. Default: the policy's keys.writers."
    }
  },
  outputs: {
    "snapshot-id": { description: "The id of the snapshot restored." },
    environment: { description: "Its environment." },
    seq: { description: "Its sequence number." },
    files: { description: "Files and symlinks restored (or, in a dry run, compared)." },
    changes: {
      description: "Files written (in a dry run: files that would be created or updated)."
    },
    authorization: {
      description: "request (an approved request) or same-run (this run's own snapshot)."
    },
    "request-id": { description: "The request carried out (empty for a rollback)." }
  }
});

// actions/restore/restore-summary.ts
var LISTED = 200;
function restoreSummary(result, authorization) {
  const name = `${result.stream}@${result.seq} \`${result.id.slice(0, 12)}\``;
  const authority = authorization.kind === "request" ? `Approved request \`${authorization.request.id}\` (requested by @${authorization.request.requester.login}, approved by ${authorization.approvers.map((login) => `@${login}`).join(", ")}).` : `Automatic rollback: the snapshot was taken by this workflow run (${authorization.runUrl}).`;
  const scope = authorization.include.length ? ` Paths: ${authorization.include.map((glob) => `\`${glob}\``).join(", ")}.` : "";
  const parts = [
    `### Snapgate restore of ${name}${result.dryRun ? " (dry run)" : ""}`,
    "",
    `${authority}${scope}`,
    ""
  ];
  if (result.dryRun) {
    const count = (action) => result.plan.filter((item) => item.action === action).length;
    const changes = result.plan.filter((item) => item.action !== "unchanged");
    parts.push(
      `Compared with \`${result.target}\`: ${count("create")} to create, ${count("update")} to update, ${count("unchanged")} unchanged. Nothing was written.`,
      ""
    );
    if (changes.length > 0) {
      parts.push(
        markdownTable(
          ["change", "path"],
          changes.slice(0, LISTED).map((item) => [item.action, item.path])
        ),
        ...changes.length > LISTED ? ["", `... and ${changes.length - LISTED} more.`] : [],
        ""
      );
    }
  } else {
    parts.push(
      `Restored into \`${result.target}\`: ${result.files} file(s), ${result.symlinks} symlink(s), ${formatBytes(result.bytes)}.`,
      ""
    );
  }
  return `${parts.join("\n")}
`;
}

// actions/restore/settings.ts
import { resolve } from "node:path";
async function restoreSettings(values, context) {
  const opener = await identityOpener(values.identity, values["identity-command"], {
    cwd: context.cwd,
    env: process.env
  });
  if (!opener) {
    throw new SnapgateError("USAGE", "The restore action needs the input 'identity'.", {
      fix: "Add `identity: ${{ secrets.SNAPGATE_IDENTITY }}` under `with:` (a secret of the restore environment), or `identity-command:` with a command that prints it."
    });
  }
  const trustedKeys = trustedWriterKeys(values["verify-keys"], context.policy);
  if (trustedKeys.length === 0) {
    throw new SnapgateError(
      "USAGE",
      "No trusted writer key to check the snapshot's signature against.",
      {
        fix: "Run the restore in a checkout that holds the policy (keys.writers), or pass verify-keys: sgw1... (printed by `snapgate keygen --writer`)."
      }
    );
  }
  return {
    store: storeSettings(values, context.policy, { apiUrl: context.run.apiUrl, cwd: context.cwd }),
    snapshot: values.snapshot,
    environment: values.environment,
    opener,
    target: resolve(context.cwd, values.target),
    include: values.include,
    requestId: values["request-id"] ?? null,
    dryRun: values["dry-run"],
    overwrite: values.overwrite,
    trustedKeys,
    writerPeriods: context.policy?.keys.writers ?? []
  };
}

// actions/restore/main.ts
async function main() {
  const values = readInputs(restoreAction, (name) => getInput(name), maskSecret);
  const cwd = process.cwd();
  const loaded = await loadActionPolicy(cwd, values.policy);
  const run = await readRunContext();
  const settings = await restoreSettings(values, { policy: loaded?.policy ?? null, run, cwd });
  const store = await openActionStore(settings.store);
  const entry = await resolveRestoreSnapshot(store, {
    spec: settings.snapshot,
    requestId: settings.requestId ?? void 0,
    stream: settings.environment
  });
  const snapshot = await loadSnapshot(store, entry);
  const now = /* @__PURE__ */ new Date();
  const authorization = await authorizeRestore({
    store,
    snapshot,
    trustedKeys: settings.trustedKeys,
    writerPeriods: settings.writerPeriods,
    requestId: settings.requestId,
    policy: loaded?.policy ?? null,
    include: settings.include,
    run: run.run,
    now
  });
  await assertIdentityOpensSnapshot(
    settings.opener,
    store,
    snapshot.manifest,
    settings.trustedKeys
  );
  if (authorization.kind === "request" && !settings.dryRun) {
    await claimRequestExecution(store, authorization.request, {
      snapshot: snapshot.id,
      paths: authorization.include,
      run: run.runUrl ?? null,
      at: now
    });
  }
  const result = await restoreSnapshot({
    store,
    snapshot,
    opener: settings.opener,
    trustedKeys: settings.trustedKeys,
    writerPeriods: settings.writerPeriods,
    target: settings.target,
    include: authorization.include,
    overwrite: settings.overwrite,
    dryRun: settings.dryRun,
    // dist/actions/restore/index.js -> dist/workers/crypto-worker.js
    workerUrl: new URL("../../workers/crypto-worker.js", import.meta.url)
  });
  if (!result.dryRun) {
    await appendAuditEvents(store, [
      {
        type: "snapshot.restored",
        time: /* @__PURE__ */ new Date(),
        actor: {
          kind: "workflow",
          ...run.actor ? { login: run.actor } : {},
          ...run.runUrl ? { run: run.runUrl } : {}
        },
        subject: { stream: result.stream, seq: result.seq, snapshot: result.id },
        details: {
          authorization: authorization.kind,
          ...authorization.kind === "request" ? { request: authorization.request.id, approvers: authorization.approvers } : {},
          paths: authorization.include,
          files: result.files + result.symlinks
        },
        ...authorization.kind === "request" ? { requestDigest: authorization.request.digest } : {}
      }
    ]);
  }
  const changes = result.dryRun ? (
    // Files the snapshot lacks are listed in the summary, but kept: not changes.
    result.plan.filter((item) => item.action !== "unchanged" && item.action !== "extra").length
  ) : result.files + result.symlinks;
  setOutput("snapshot-id", result.id);
  setOutput("environment", result.stream);
  setOutput("seq", String(result.seq));
  setOutput("files", String(result.files + result.symlinks));
  setOutput("changes", String(changes));
  setOutput("authorization", authorization.kind);
  setOutput("request-id", authorization.kind === "request" ? authorization.request.id : "");
  info(
    result.dryRun ? `Dry run of ${result.stream}@${result.seq}: ${changes} change(s); nothing was written.` : `Restored ${result.stream}@${result.seq} (${result.id.slice(0, 12)}) into ${result.target}.`
  );
  await writeSummary(restoreSummary(result, authorization));
}

// actions/restore/index.ts
await runAction(main);
