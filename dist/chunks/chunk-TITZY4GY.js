import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  JsonSchemaValidator
} from "./chunk-L3YJLP3Q.js";
import {
  require_formats,
  require_ucs2length
} from "./chunk-MVZIGVV4.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/generated/tombstone-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var tombstone_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/tombstone.schema.json", "title": "Snapgate tombstone (snapgate.tombstone/v1)", "description": "tombstones/<stream>/<seq, 10 digits>.json: the snapshot was forgotten. Its manifest stays (the hash chain still verifies); prune may delete blobs only it referenced once the tombstone is older than the grace period.", "type": "object", "additionalProperties": false, "required": ["format", "stream", "seq", "snapshot", "time", "forgottenAt", "reasons", "rules", "approval", "policyDigest"], "properties": { "format": { "const": "snapgate.tombstone/v1" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "snapshot": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "time": { "type": "string", "format": "date-time" }, "forgottenAt": { "type": "string", "format": "date-time" }, "reasons": { "type": "array", "items": { "type": "string", "maxLength": 500 }, "maxItems": 20 }, "rules": { "enum": ["policy", "flags"] }, "approval": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }] }, "policyDigest": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }] } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var pattern4 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern5 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern6 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern7 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var formats0 = import_formats.default.fullFormats["date-time"];
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
    if (data.stream === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.snapshot === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.forgottenAt === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "forgottenAt" }, message: "must have required property 'forgottenAt'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.reasons === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "reasons" }, message: "must have required property 'reasons'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.rules === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rules" }, message: "must have required property 'rules'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.approval === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "approval" }, message: "must have required property 'approval'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.policyDigest === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err10 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.tombstone/v1" !== data0) {
        const err11 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.tombstone/v1" }, message: "must be equal to constant", schema: "snapgate.tombstone/v1", parentSchema: schema31.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err12 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema31.properties.stream, data: data1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.stream.type, parentSchema: schema31.properties.stream, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data2 = data.seq;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err14 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.seq.type, parentSchema: schema31.properties.seq, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err15 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.seq, data: data2 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
      }
    }
    if (data.snapshot !== void 0) {
      let data3 = data.snapshot;
      if (typeof data3 === "string") {
        if (!pattern5.test(data3)) {
          const err16 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema31.properties.snapshot, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      } else {
        const err17 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.snapshot.type, parentSchema: schema31.properties.snapshot, data: data3 };
        if (vErrors === null) {
          vErrors = [err17];
        } else {
          vErrors.push(err17);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data4 = data.time;
      if (typeof data4 === "string") {
        if (!formats0.validate(data4)) {
          const err18 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.time, data: data4 };
          if (vErrors === null) {
            vErrors = [err18];
          } else {
            vErrors.push(err18);
          }
          errors++;
        }
      } else {
        const err19 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.time.type, parentSchema: schema31.properties.time, data: data4 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.forgottenAt !== void 0) {
      let data5 = data.forgottenAt;
      if (typeof data5 === "string") {
        if (!formats0.validate(data5)) {
          const err20 = { instancePath: instancePath + "/forgottenAt", schemaPath: "#/properties/forgottenAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.forgottenAt, data: data5 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/forgottenAt", schemaPath: "#/properties/forgottenAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.forgottenAt.type, parentSchema: schema31.properties.forgottenAt, data: data5 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.reasons !== void 0) {
      let data6 = data.reasons;
      if (Array.isArray(data6)) {
        if (data6.length > 20) {
          const err22 = { instancePath: instancePath + "/reasons", schemaPath: "#/properties/reasons/maxItems", keyword: "maxItems", params: { limit: 20 }, message: "must NOT have more than 20 items", schema: 20, parentSchema: schema31.properties.reasons, data: data6 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
        const len0 = data6.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data7 = data6[i0];
          if (typeof data7 === "string") {
            if (func2(data7) > 500) {
              const err23 = { instancePath: instancePath + "/reasons/" + i0, schemaPath: "#/properties/reasons/items/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema31.properties.reasons.items, data: data7 };
              if (vErrors === null) {
                vErrors = [err23];
              } else {
                vErrors.push(err23);
              }
              errors++;
            }
          } else {
            const err24 = { instancePath: instancePath + "/reasons/" + i0, schemaPath: "#/properties/reasons/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.reasons.items.type, parentSchema: schema31.properties.reasons.items, data: data7 };
            if (vErrors === null) {
              vErrors = [err24];
            } else {
              vErrors.push(err24);
            }
            errors++;
          }
        }
      } else {
        const err25 = { instancePath: instancePath + "/reasons", schemaPath: "#/properties/reasons/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.reasons.type, parentSchema: schema31.properties.reasons, data: data6 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data8 = data.rules;
      if (!(data8 === "policy" || data8 === "flags")) {
        const err26 = { instancePath: instancePath + "/rules", schemaPath: "#/properties/rules/enum", keyword: "enum", params: { allowedValues: schema31.properties.rules.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.rules.enum, parentSchema: schema31.properties.rules, data: data8 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.approval !== void 0) {
      let data9 = data.approval;
      const _errs19 = errors;
      let valid3 = false;
      let passing0 = null;
      const _errs20 = errors;
      if (data9 !== null) {
        const err27 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema31.properties.approval.oneOf[0].type, parentSchema: schema31.properties.approval.oneOf[0], data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
      var _valid0 = _errs20 === errors;
      if (_valid0) {
        valid3 = true;
        passing0 = 0;
      }
      const _errs22 = errors;
      if (typeof data9 === "string") {
        if (!pattern6.test(data9)) {
          const err28 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema31.properties.approval.oneOf[1], data: data9 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.approval.oneOf[1].type, parentSchema: schema31.properties.approval.oneOf[1], data: data9 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
      var _valid0 = _errs22 === errors;
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
        const err30 = { instancePath: instancePath + "/approval", schemaPath: "#/properties/approval/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema31.properties.approval.oneOf, parentSchema: schema31.properties.approval, data: data9 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      } else {
        errors = _errs19;
        if (vErrors !== null) {
          if (_errs19) {
            vErrors.length = _errs19;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.policyDigest !== void 0) {
      let data10 = data.policyDigest;
      const _errs25 = errors;
      let valid4 = false;
      let passing1 = null;
      const _errs26 = errors;
      if (data10 !== null) {
        const err31 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema31.properties.policyDigest.oneOf[0].type, parentSchema: schema31.properties.policyDigest.oneOf[0], data: data10 };
        if (vErrors === null) {
          vErrors = [err31];
        } else {
          vErrors.push(err31);
        }
        errors++;
      }
      var _valid1 = _errs26 === errors;
      if (_valid1) {
        valid4 = true;
        passing1 = 0;
      }
      const _errs28 = errors;
      if (typeof data10 === "string") {
        if (!pattern7.test(data10)) {
          const err32 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema31.properties.policyDigest.oneOf[1], data: data10 };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
      } else {
        const err33 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.policyDigest.oneOf[1].type, parentSchema: schema31.properties.policyDigest.oneOf[1], data: data10 };
        if (vErrors === null) {
          vErrors = [err33];
        } else {
          vErrors.push(err33);
        }
        errors++;
      }
      var _valid1 = _errs28 === errors;
      if (_valid1 && valid4) {
        valid4 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid4 = true;
          passing1 = 1;
        }
      }
      if (!valid4) {
        const err34 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf", schema: schema31.properties.policyDigest.oneOf, parentSchema: schema31.properties.policyDigest, data: data10 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      } else {
        errors = _errs25;
        if (vErrors !== null) {
          if (_errs25) {
            vErrors.length = _errs25;
          } else {
            vErrors = null;
          }
        }
      }
    }
  } else {
    const err35 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err35];
    } else {
      vErrors.push(err35);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/snapshot/tombstone.ts
var TOMBSTONE_FORMAT = "snapgate.tombstone/v1";
var validator = new JsonSchemaValidator(
  () => tombstone_validator_default
);
function tombstonePath(stream, seq) {
  return `tombstones/${stream}/${String(seq).padStart(10, "0")}.json`;
}
var TOMBSTONE_NAME = /^tombstones\/([^/]+)\/(\d{10})\.json$/;
async function listForgotten(store, stream) {
  const forgotten = /* @__PURE__ */ new Map();
  for (const path of await store.listRecords(stream ? `tombstones/${stream}` : "tombstones")) {
    const match = TOMBSTONE_NAME.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const seqs = forgotten.get(match[1]) ?? /* @__PURE__ */ new Set();
    seqs.add(Number(match[2]));
    forgotten.set(match[1], seqs);
  }
  return forgotten;
}
async function readTombstone(store, path) {
  const bytes = await store.readRecord(path);
  let value;
  try {
    value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : void 0;
  } catch {
    value = void 0;
  }
  const checked = validator.check(value);
  const match = TOMBSTONE_NAME.exec(path);
  if (!checked.ok || checked.value.stream !== match?.[1] || checked.value.seq !== Number(match[2])) {
    throw new SnapgateError("INTEGRITY", `The tombstone ${path} in ${store.location} is damaged.`, {
      fix: "Restore it from the store's history; until then prune leaves the snapshot's blobs alone.",
      details: checked.ok ? {} : { problems: checked.problems }
    });
  }
  return checked.value;
}

export {
  TOMBSTONE_FORMAT,
  tombstonePath,
  listForgotten,
  readTombstone
};
