import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  parseDrillPath
} from "./chunk-NG32LOAZ.js";
import {
  JsonSchemaValidator
} from "./chunk-L3YJLP3Q.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  require_formats,
  require_ucs2length
} from "./chunk-MVZIGVV4.js";
import {
  parseVerifyKey
} from "./chunk-JAZ2OF6U.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/generated/drill-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var drill_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/drill.schema.json", "title": "Snapgate drill record (snapgate.drill/v1)", "description": "drills/<env>/<time>-<ok|fail>-<snapshot>.json: one recovery drill (`snapgate drill`): what was restored, how the validation went, RTO and RPO against the tier's SLA, the deviations from the baseline drill and the gaps found. Signed with the writer key like a manifest.", "type": "object", "additionalProperties": false, "required": ["format", "stream", "snapshot", "seq", "snapshotTime", "tier", "scope", "time", "finishedAt", "ok", "slaMet", "files", "validation", "rto", "rpo", "baseline", "gaps", "signature"], "properties": { "format": { "const": "snapgate.drill/v1" }, "stream": { "$ref": "#/$defs/name" }, "snapshot": { "$ref": "#/$defs/sha256" }, "seq": { "type": "integer", "minimum": 1 }, "snapshotTime": { "type": "string", "format": "date-time" }, "tier": { "type": ["string", "null"], "maxLength": 63 }, "scope": { "description": "config: the snapshot's configuration restored into a staging directory (the default).", "enum": ["config"] }, "time": { "type": "string", "format": "date-time" }, "finishedAt": { "type": "string", "format": "date-time" }, "ok": { "type": "boolean" }, "slaMet": { "type": ["boolean", "null"] }, "files": { "type": "array", "maxItems": 1e5, "items": { "type": "object", "additionalProperties": false, "required": ["path", "blob", "component"], "properties": { "path": { "type": "string", "maxLength": 4096 }, "blob": { "type": ["string", "null"], "maxLength": 200 }, "component": { "type": ["string", "null"], "maxLength": 200 } } } }, "validation": { "type": ["object", "null"], "additionalProperties": false, "required": ["command", "exitCode", "timedOut", "durationMs", "output", "outputSha256", "outputTruncated"], "properties": { "command": { "type": "string", "maxLength": 4096 }, "exitCode": { "type": ["integer", "null"] }, "timedOut": { "type": "boolean" }, "durationMs": { "type": "integer", "minimum": 0 }, "output": { "type": "string", "maxLength": 65536 }, "outputSha256": { "$ref": "#/$defs/sha256" }, "outputTruncated": { "type": "boolean" } } }, "rto": { "type": "object", "additionalProperties": false, "required": ["ms", "slaMs", "met"], "properties": { "ms": { "type": "integer", "minimum": 0 }, "slaMs": { "type": ["integer", "null"], "minimum": 0 }, "met": { "type": ["boolean", "null"] } } }, "rpo": { "type": "object", "additionalProperties": false, "required": ["snapshotAgeMs", "lastChangeAt", "sinceLastChangeMs", "slaMs", "met"], "properties": { "snapshotAgeMs": { "type": "integer", "minimum": 0 }, "lastChangeAt": { "type": "string", "format": "date-time" }, "sinceLastChangeMs": { "type": "integer", "minimum": 0 }, "slaMs": { "type": ["integer", "null"], "minimum": 0 }, "met": { "type": ["boolean", "null"] } } }, "baseline": { "type": ["object", "null"], "additionalProperties": false, "required": ["drill", "missing", "extra", "changedComponents", "validationOutputDiffers"], "properties": { "drill": { "type": "string", "maxLength": 300 }, "missing": { "$ref": "#/$defs/paths" }, "extra": { "$ref": "#/$defs/paths" }, "changedComponents": { "$ref": "#/$defs/paths" }, "validationOutputDiffers": { "type": "boolean" } } }, "ranBy": { "description": "Who ran (or asked for) the drill: the workflow run's actor. They cannot sign it off (/snapgate signoff). Absent when unknown (a drill run from a terminal).", "type": "object", "additionalProperties": false, "required": ["login"], "properties": { "login": { "type": "string", "minLength": 1, "maxLength": 100 }, "id": { "type": "integer", "minimum": 1 } } }, "gaps": { "type": "array", "maxItems": 1e3, "items": { "type": "object", "additionalProperties": false, "required": ["kind", "message"], "properties": { "kind": { "enum": ["missing-dependency", "outdated-secret", "out-of-scope", "missing-component", "restore", "other"] }, "message": { "type": "string", "maxLength": 2e3 }, "path": { "type": "string", "maxLength": 4096 } } } }, "signature": { "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sgw1[02-9ac-hj-np-z]{58}$" }, "value": { "type": "string", "maxLength": 200 } } } }, "$defs": { "name": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "paths": { "type": "array", "maxItems": 1e5, "items": { "type": "string", "maxLength": 4096 } } } };
var schema32 = { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" };
var schema33 = { "type": "string", "pattern": "^[0-9a-f]{64}$" };
var schema35 = { "type": "array", "maxItems": 1e5, "items": { "type": "string", "maxLength": 4096 } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var pattern4 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern5 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern7 = new RegExp("^sgw1[02-9ac-hj-np-z]{58}$", "u");
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
    if (data.snapshot === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.snapshotTime === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshotTime" }, message: "must have required property 'snapshotTime'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.tier === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tier" }, message: "must have required property 'tier'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.scope === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "scope" }, message: "must have required property 'scope'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.finishedAt === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "finishedAt" }, message: "must have required property 'finishedAt'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.ok === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.slaMet === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "slaMet" }, message: "must have required property 'slaMet'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    if (data.validation === void 0) {
      const err12 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "validation" }, message: "must have required property 'validation'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err12];
      } else {
        vErrors.push(err12);
      }
      errors++;
    }
    if (data.rto === void 0) {
      const err13 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rto" }, message: "must have required property 'rto'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err13];
      } else {
        vErrors.push(err13);
      }
      errors++;
    }
    if (data.rpo === void 0) {
      const err14 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "rpo" }, message: "must have required property 'rpo'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err14];
      } else {
        vErrors.push(err14);
      }
      errors++;
    }
    if (data.baseline === void 0) {
      const err15 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "baseline" }, message: "must have required property 'baseline'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err15];
      } else {
        vErrors.push(err15);
      }
      errors++;
    }
    if (data.gaps === void 0) {
      const err16 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "gaps" }, message: "must have required property 'gaps'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err16];
      } else {
        vErrors.push(err16);
      }
      errors++;
    }
    if (data.signature === void 0) {
      const err17 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "signature" }, message: "must have required property 'signature'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err17];
      } else {
        vErrors.push(err17);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err18 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.drill/v1" !== data0) {
        const err19 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.drill/v1" }, message: "must be equal to constant", schema: "snapgate.drill/v1", parentSchema: schema31.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err20 = { instancePath: instancePath + "/stream", schemaPath: "#/$defs/name/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema32, data: data1 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/stream", schemaPath: "#/$defs/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data1 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.snapshot !== void 0) {
      let data2 = data.snapshot;
      if (typeof data2 === "string") {
        if (!pattern5.test(data2)) {
          const err22 = { instancePath: instancePath + "/snapshot", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema33, data: data2 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/snapshot", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data2 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data3 = data.seq;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err24 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.seq.type, parentSchema: schema31.properties.seq, data: data3 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 1 || isNaN(data3)) {
          const err25 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.seq, data: data3 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
    }
    if (data.snapshotTime !== void 0) {
      let data4 = data.snapshotTime;
      if (typeof data4 === "string") {
        if (!formats0.validate(data4)) {
          const err26 = { instancePath: instancePath + "/snapshotTime", schemaPath: "#/properties/snapshotTime/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.snapshotTime, data: data4 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/snapshotTime", schemaPath: "#/properties/snapshotTime/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.snapshotTime.type, parentSchema: schema31.properties.snapshotTime, data: data4 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data5 = data.tier;
      if (typeof data5 !== "string" && data5 !== null) {
        const err28 = { instancePath: instancePath + "/tier", schemaPath: "#/properties/tier/type", keyword: "type", params: { type: schema31.properties.tier.type }, message: "must be string,null", schema: schema31.properties.tier.type, parentSchema: schema31.properties.tier, data: data5 };
        if (vErrors === null) {
          vErrors = [err28];
        } else {
          vErrors.push(err28);
        }
        errors++;
      }
      if (typeof data5 === "string") {
        if (func2(data5) > 63) {
          const err29 = { instancePath: instancePath + "/tier", schemaPath: "#/properties/tier/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema31.properties.tier, data: data5 };
          if (vErrors === null) {
            vErrors = [err29];
          } else {
            vErrors.push(err29);
          }
          errors++;
        }
      }
    }
    if (data.scope !== void 0) {
      let data6 = data.scope;
      if (!(data6 === "config")) {
        const err30 = { instancePath: instancePath + "/scope", schemaPath: "#/properties/scope/enum", keyword: "enum", params: { allowedValues: schema31.properties.scope.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.scope.enum, parentSchema: schema31.properties.scope, data: data6 };
        if (vErrors === null) {
          vErrors = [err30];
        } else {
          vErrors.push(err30);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data7 = data.time;
      if (typeof data7 === "string") {
        if (!formats0.validate(data7)) {
          const err31 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.time, data: data7 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
      } else {
        const err32 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.time.type, parentSchema: schema31.properties.time, data: data7 };
        if (vErrors === null) {
          vErrors = [err32];
        } else {
          vErrors.push(err32);
        }
        errors++;
      }
    }
    if (data.finishedAt !== void 0) {
      let data8 = data.finishedAt;
      if (typeof data8 === "string") {
        if (!formats0.validate(data8)) {
          const err33 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.finishedAt, data: data8 };
          if (vErrors === null) {
            vErrors = [err33];
          } else {
            vErrors.push(err33);
          }
          errors++;
        }
      } else {
        const err34 = { instancePath: instancePath + "/finishedAt", schemaPath: "#/properties/finishedAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.finishedAt.type, parentSchema: schema31.properties.finishedAt, data: data8 };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.ok !== void 0) {
      let data9 = data.ok;
      if (typeof data9 !== "boolean") {
        const err35 = { instancePath: instancePath + "/ok", schemaPath: "#/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.ok.type, parentSchema: schema31.properties.ok, data: data9 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.slaMet !== void 0) {
      let data10 = data.slaMet;
      if (typeof data10 !== "boolean" && data10 !== null) {
        const err36 = { instancePath: instancePath + "/slaMet", schemaPath: "#/properties/slaMet/type", keyword: "type", params: { type: schema31.properties.slaMet.type }, message: "must be boolean,null", schema: schema31.properties.slaMet.type, parentSchema: schema31.properties.slaMet, data: data10 };
        if (vErrors === null) {
          vErrors = [err36];
        } else {
          vErrors.push(err36);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data11 = data.files;
      if (Array.isArray(data11)) {
        if (data11.length > 1e5) {
          const err37 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema31.properties.files, data: data11 };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
        const len0 = data11.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data12 = data11[i0];
          if (data12 && typeof data12 == "object" && !Array.isArray(data12)) {
            if (data12.path === void 0) {
              const err38 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema31.properties.files.items.required, parentSchema: schema31.properties.files.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err38];
              } else {
                vErrors.push(err38);
              }
              errors++;
            }
            if (data12.blob === void 0) {
              const err39 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "blob" }, message: "must have required property 'blob'", schema: schema31.properties.files.items.required, parentSchema: schema31.properties.files.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
            if (data12.component === void 0) {
              const err40 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/required", keyword: "required", params: { missingProperty: "component" }, message: "must have required property 'component'", schema: schema31.properties.files.items.required, parentSchema: schema31.properties.files.items, data: data12 };
              if (vErrors === null) {
                vErrors = [err40];
              } else {
                vErrors.push(err40);
              }
              errors++;
            }
            for (const key1 in data12) {
              if (!(key1 === "path" || key1 === "blob" || key1 === "component")) {
                const err41 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.files.items, data: data12 };
                if (vErrors === null) {
                  vErrors = [err41];
                } else {
                  vErrors.push(err41);
                }
                errors++;
              }
            }
            if (data12.path !== void 0) {
              let data13 = data12.path;
              if (typeof data13 === "string") {
                if (func2(data13) > 4096) {
                  const err42 = { instancePath: instancePath + "/files/" + i0 + "/path", schemaPath: "#/properties/files/items/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.files.items.properties.path, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err42];
                  } else {
                    vErrors.push(err42);
                  }
                  errors++;
                }
              } else {
                const err43 = { instancePath: instancePath + "/files/" + i0 + "/path", schemaPath: "#/properties/files/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.files.items.properties.path.type, parentSchema: schema31.properties.files.items.properties.path, data: data13 };
                if (vErrors === null) {
                  vErrors = [err43];
                } else {
                  vErrors.push(err43);
                }
                errors++;
              }
            }
            if (data12.blob !== void 0) {
              let data14 = data12.blob;
              if (typeof data14 !== "string" && data14 !== null) {
                const err44 = { instancePath: instancePath + "/files/" + i0 + "/blob", schemaPath: "#/properties/files/items/properties/blob/type", keyword: "type", params: { type: schema31.properties.files.items.properties.blob.type }, message: "must be string,null", schema: schema31.properties.files.items.properties.blob.type, parentSchema: schema31.properties.files.items.properties.blob, data: data14 };
                if (vErrors === null) {
                  vErrors = [err44];
                } else {
                  vErrors.push(err44);
                }
                errors++;
              }
              if (typeof data14 === "string") {
                if (func2(data14) > 200) {
                  const err45 = { instancePath: instancePath + "/files/" + i0 + "/blob", schemaPath: "#/properties/files/items/properties/blob/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.files.items.properties.blob, data: data14 };
                  if (vErrors === null) {
                    vErrors = [err45];
                  } else {
                    vErrors.push(err45);
                  }
                  errors++;
                }
              }
            }
            if (data12.component !== void 0) {
              let data15 = data12.component;
              if (typeof data15 !== "string" && data15 !== null) {
                const err46 = { instancePath: instancePath + "/files/" + i0 + "/component", schemaPath: "#/properties/files/items/properties/component/type", keyword: "type", params: { type: schema31.properties.files.items.properties.component.type }, message: "must be string,null", schema: schema31.properties.files.items.properties.component.type, parentSchema: schema31.properties.files.items.properties.component, data: data15 };
                if (vErrors === null) {
                  vErrors = [err46];
                } else {
                  vErrors.push(err46);
                }
                errors++;
              }
              if (typeof data15 === "string") {
                if (func2(data15) > 200) {
                  const err47 = { instancePath: instancePath + "/files/" + i0 + "/component", schemaPath: "#/properties/files/items/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.files.items.properties.component, data: data15 };
                  if (vErrors === null) {
                    vErrors = [err47];
                  } else {
                    vErrors.push(err47);
                  }
                  errors++;
                }
              }
            }
          } else {
            const err48 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/properties/files/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.files.items.type, parentSchema: schema31.properties.files.items, data: data12 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
      } else {
        const err49 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.files.type, parentSchema: schema31.properties.files, data: data11 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.validation !== void 0) {
      let data16 = data.validation;
      if (!(data16 && typeof data16 == "object" && !Array.isArray(data16)) && data16 !== null) {
        const err50 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/type", keyword: "type", params: { type: schema31.properties.validation.type }, message: "must be object,null", schema: schema31.properties.validation.type, parentSchema: schema31.properties.validation, data: data16 };
        if (vErrors === null) {
          vErrors = [err50];
        } else {
          vErrors.push(err50);
        }
        errors++;
      }
      if (data16 && typeof data16 == "object" && !Array.isArray(data16)) {
        if (data16.command === void 0) {
          const err51 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "command" }, message: "must have required property 'command'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
        if (data16.exitCode === void 0) {
          const err52 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "exitCode" }, message: "must have required property 'exitCode'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        if (data16.timedOut === void 0) {
          const err53 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "timedOut" }, message: "must have required property 'timedOut'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
        if (data16.durationMs === void 0) {
          const err54 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "durationMs" }, message: "must have required property 'durationMs'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err54];
          } else {
            vErrors.push(err54);
          }
          errors++;
        }
        if (data16.output === void 0) {
          const err55 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "output" }, message: "must have required property 'output'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
        if (data16.outputSha256 === void 0) {
          const err56 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "outputSha256" }, message: "must have required property 'outputSha256'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err56];
          } else {
            vErrors.push(err56);
          }
          errors++;
        }
        if (data16.outputTruncated === void 0) {
          const err57 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/required", keyword: "required", params: { missingProperty: "outputTruncated" }, message: "must have required property 'outputTruncated'", schema: schema31.properties.validation.required, parentSchema: schema31.properties.validation, data: data16 };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
        for (const key2 in data16) {
          if (!(key2 === "command" || key2 === "exitCode" || key2 === "timedOut" || key2 === "durationMs" || key2 === "output" || key2 === "outputSha256" || key2 === "outputTruncated")) {
            const err58 = { instancePath: instancePath + "/validation", schemaPath: "#/properties/validation/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.validation, data: data16 };
            if (vErrors === null) {
              vErrors = [err58];
            } else {
              vErrors.push(err58);
            }
            errors++;
          }
        }
        if (data16.command !== void 0) {
          let data17 = data16.command;
          if (typeof data17 === "string") {
            if (func2(data17) > 4096) {
              const err59 = { instancePath: instancePath + "/validation/command", schemaPath: "#/properties/validation/properties/command/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.validation.properties.command, data: data17 };
              if (vErrors === null) {
                vErrors = [err59];
              } else {
                vErrors.push(err59);
              }
              errors++;
            }
          } else {
            const err60 = { instancePath: instancePath + "/validation/command", schemaPath: "#/properties/validation/properties/command/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.validation.properties.command.type, parentSchema: schema31.properties.validation.properties.command, data: data17 };
            if (vErrors === null) {
              vErrors = [err60];
            } else {
              vErrors.push(err60);
            }
            errors++;
          }
        }
        if (data16.exitCode !== void 0) {
          let data18 = data16.exitCode;
          if (!(typeof data18 == "number" && (!(data18 % 1) && !isNaN(data18)) && isFinite(data18)) && data18 !== null) {
            const err61 = { instancePath: instancePath + "/validation/exitCode", schemaPath: "#/properties/validation/properties/exitCode/type", keyword: "type", params: { type: schema31.properties.validation.properties.exitCode.type }, message: "must be integer,null", schema: schema31.properties.validation.properties.exitCode.type, parentSchema: schema31.properties.validation.properties.exitCode, data: data18 };
            if (vErrors === null) {
              vErrors = [err61];
            } else {
              vErrors.push(err61);
            }
            errors++;
          }
        }
        if (data16.timedOut !== void 0) {
          let data19 = data16.timedOut;
          if (typeof data19 !== "boolean") {
            const err62 = { instancePath: instancePath + "/validation/timedOut", schemaPath: "#/properties/validation/properties/timedOut/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.validation.properties.timedOut.type, parentSchema: schema31.properties.validation.properties.timedOut, data: data19 };
            if (vErrors === null) {
              vErrors = [err62];
            } else {
              vErrors.push(err62);
            }
            errors++;
          }
        }
        if (data16.durationMs !== void 0) {
          let data20 = data16.durationMs;
          if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
            const err63 = { instancePath: instancePath + "/validation/durationMs", schemaPath: "#/properties/validation/properties/durationMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.validation.properties.durationMs.type, parentSchema: schema31.properties.validation.properties.durationMs, data: data20 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
          if (typeof data20 == "number" && isFinite(data20)) {
            if (data20 < 0 || isNaN(data20)) {
              const err64 = { instancePath: instancePath + "/validation/durationMs", schemaPath: "#/properties/validation/properties/durationMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.validation.properties.durationMs, data: data20 };
              if (vErrors === null) {
                vErrors = [err64];
              } else {
                vErrors.push(err64);
              }
              errors++;
            }
          }
        }
        if (data16.output !== void 0) {
          let data21 = data16.output;
          if (typeof data21 === "string") {
            if (func2(data21) > 65536) {
              const err65 = { instancePath: instancePath + "/validation/output", schemaPath: "#/properties/validation/properties/output/maxLength", keyword: "maxLength", params: { limit: 65536 }, message: "must NOT have more than 65536 characters", schema: 65536, parentSchema: schema31.properties.validation.properties.output, data: data21 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          } else {
            const err66 = { instancePath: instancePath + "/validation/output", schemaPath: "#/properties/validation/properties/output/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.validation.properties.output.type, parentSchema: schema31.properties.validation.properties.output, data: data21 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
        }
        if (data16.outputSha256 !== void 0) {
          let data22 = data16.outputSha256;
          if (typeof data22 === "string") {
            if (!pattern5.test(data22)) {
              const err67 = { instancePath: instancePath + "/validation/outputSha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema33, data: data22 };
              if (vErrors === null) {
                vErrors = [err67];
              } else {
                vErrors.push(err67);
              }
              errors++;
            }
          } else {
            const err68 = { instancePath: instancePath + "/validation/outputSha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data22 };
            if (vErrors === null) {
              vErrors = [err68];
            } else {
              vErrors.push(err68);
            }
            errors++;
          }
        }
        if (data16.outputTruncated !== void 0) {
          let data23 = data16.outputTruncated;
          if (typeof data23 !== "boolean") {
            const err69 = { instancePath: instancePath + "/validation/outputTruncated", schemaPath: "#/properties/validation/properties/outputTruncated/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.validation.properties.outputTruncated.type, parentSchema: schema31.properties.validation.properties.outputTruncated, data: data23 };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      }
    }
    if (data.rto !== void 0) {
      let data24 = data.rto;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (data24.ms === void 0) {
          const err70 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/required", keyword: "required", params: { missingProperty: "ms" }, message: "must have required property 'ms'", schema: schema31.properties.rto.required, parentSchema: schema31.properties.rto, data: data24 };
          if (vErrors === null) {
            vErrors = [err70];
          } else {
            vErrors.push(err70);
          }
          errors++;
        }
        if (data24.slaMs === void 0) {
          const err71 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/required", keyword: "required", params: { missingProperty: "slaMs" }, message: "must have required property 'slaMs'", schema: schema31.properties.rto.required, parentSchema: schema31.properties.rto, data: data24 };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
        if (data24.met === void 0) {
          const err72 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/required", keyword: "required", params: { missingProperty: "met" }, message: "must have required property 'met'", schema: schema31.properties.rto.required, parentSchema: schema31.properties.rto, data: data24 };
          if (vErrors === null) {
            vErrors = [err72];
          } else {
            vErrors.push(err72);
          }
          errors++;
        }
        for (const key3 in data24) {
          if (!(key3 === "ms" || key3 === "slaMs" || key3 === "met")) {
            const err73 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.rto, data: data24 };
            if (vErrors === null) {
              vErrors = [err73];
            } else {
              vErrors.push(err73);
            }
            errors++;
          }
        }
        if (data24.ms !== void 0) {
          let data25 = data24.ms;
          if (!(typeof data25 == "number" && (!(data25 % 1) && !isNaN(data25)) && isFinite(data25))) {
            const err74 = { instancePath: instancePath + "/rto/ms", schemaPath: "#/properties/rto/properties/ms/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.rto.properties.ms.type, parentSchema: schema31.properties.rto.properties.ms, data: data25 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
          if (typeof data25 == "number" && isFinite(data25)) {
            if (data25 < 0 || isNaN(data25)) {
              const err75 = { instancePath: instancePath + "/rto/ms", schemaPath: "#/properties/rto/properties/ms/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.rto.properties.ms, data: data25 };
              if (vErrors === null) {
                vErrors = [err75];
              } else {
                vErrors.push(err75);
              }
              errors++;
            }
          }
        }
        if (data24.slaMs !== void 0) {
          let data26 = data24.slaMs;
          if (!(typeof data26 == "number" && (!(data26 % 1) && !isNaN(data26)) && isFinite(data26)) && data26 !== null) {
            const err76 = { instancePath: instancePath + "/rto/slaMs", schemaPath: "#/properties/rto/properties/slaMs/type", keyword: "type", params: { type: schema31.properties.rto.properties.slaMs.type }, message: "must be integer,null", schema: schema31.properties.rto.properties.slaMs.type, parentSchema: schema31.properties.rto.properties.slaMs, data: data26 };
            if (vErrors === null) {
              vErrors = [err76];
            } else {
              vErrors.push(err76);
            }
            errors++;
          }
          if (typeof data26 == "number" && isFinite(data26)) {
            if (data26 < 0 || isNaN(data26)) {
              const err77 = { instancePath: instancePath + "/rto/slaMs", schemaPath: "#/properties/rto/properties/slaMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.rto.properties.slaMs, data: data26 };
              if (vErrors === null) {
                vErrors = [err77];
              } else {
                vErrors.push(err77);
              }
              errors++;
            }
          }
        }
        if (data24.met !== void 0) {
          let data27 = data24.met;
          if (typeof data27 !== "boolean" && data27 !== null) {
            const err78 = { instancePath: instancePath + "/rto/met", schemaPath: "#/properties/rto/properties/met/type", keyword: "type", params: { type: schema31.properties.rto.properties.met.type }, message: "must be boolean,null", schema: schema31.properties.rto.properties.met.type, parentSchema: schema31.properties.rto.properties.met, data: data27 };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
        }
      } else {
        const err79 = { instancePath: instancePath + "/rto", schemaPath: "#/properties/rto/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.rto.type, parentSchema: schema31.properties.rto, data: data24 };
        if (vErrors === null) {
          vErrors = [err79];
        } else {
          vErrors.push(err79);
        }
        errors++;
      }
    }
    if (data.rpo !== void 0) {
      let data28 = data.rpo;
      if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
        if (data28.snapshotAgeMs === void 0) {
          const err80 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "snapshotAgeMs" }, message: "must have required property 'snapshotAgeMs'", schema: schema31.properties.rpo.required, parentSchema: schema31.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err80];
          } else {
            vErrors.push(err80);
          }
          errors++;
        }
        if (data28.lastChangeAt === void 0) {
          const err81 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "lastChangeAt" }, message: "must have required property 'lastChangeAt'", schema: schema31.properties.rpo.required, parentSchema: schema31.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err81];
          } else {
            vErrors.push(err81);
          }
          errors++;
        }
        if (data28.sinceLastChangeMs === void 0) {
          const err82 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "sinceLastChangeMs" }, message: "must have required property 'sinceLastChangeMs'", schema: schema31.properties.rpo.required, parentSchema: schema31.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err82];
          } else {
            vErrors.push(err82);
          }
          errors++;
        }
        if (data28.slaMs === void 0) {
          const err83 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "slaMs" }, message: "must have required property 'slaMs'", schema: schema31.properties.rpo.required, parentSchema: schema31.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err83];
          } else {
            vErrors.push(err83);
          }
          errors++;
        }
        if (data28.met === void 0) {
          const err84 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/required", keyword: "required", params: { missingProperty: "met" }, message: "must have required property 'met'", schema: schema31.properties.rpo.required, parentSchema: schema31.properties.rpo, data: data28 };
          if (vErrors === null) {
            vErrors = [err84];
          } else {
            vErrors.push(err84);
          }
          errors++;
        }
        for (const key4 in data28) {
          if (!(key4 === "snapshotAgeMs" || key4 === "lastChangeAt" || key4 === "sinceLastChangeMs" || key4 === "slaMs" || key4 === "met")) {
            const err85 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.rpo, data: data28 };
            if (vErrors === null) {
              vErrors = [err85];
            } else {
              vErrors.push(err85);
            }
            errors++;
          }
        }
        if (data28.snapshotAgeMs !== void 0) {
          let data29 = data28.snapshotAgeMs;
          if (!(typeof data29 == "number" && (!(data29 % 1) && !isNaN(data29)) && isFinite(data29))) {
            const err86 = { instancePath: instancePath + "/rpo/snapshotAgeMs", schemaPath: "#/properties/rpo/properties/snapshotAgeMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.rpo.properties.snapshotAgeMs.type, parentSchema: schema31.properties.rpo.properties.snapshotAgeMs, data: data29 };
            if (vErrors === null) {
              vErrors = [err86];
            } else {
              vErrors.push(err86);
            }
            errors++;
          }
          if (typeof data29 == "number" && isFinite(data29)) {
            if (data29 < 0 || isNaN(data29)) {
              const err87 = { instancePath: instancePath + "/rpo/snapshotAgeMs", schemaPath: "#/properties/rpo/properties/snapshotAgeMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.rpo.properties.snapshotAgeMs, data: data29 };
              if (vErrors === null) {
                vErrors = [err87];
              } else {
                vErrors.push(err87);
              }
              errors++;
            }
          }
        }
        if (data28.lastChangeAt !== void 0) {
          let data30 = data28.lastChangeAt;
          if (typeof data30 === "string") {
            if (!formats0.validate(data30)) {
              const err88 = { instancePath: instancePath + "/rpo/lastChangeAt", schemaPath: "#/properties/rpo/properties/lastChangeAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.rpo.properties.lastChangeAt, data: data30 };
              if (vErrors === null) {
                vErrors = [err88];
              } else {
                vErrors.push(err88);
              }
              errors++;
            }
          } else {
            const err89 = { instancePath: instancePath + "/rpo/lastChangeAt", schemaPath: "#/properties/rpo/properties/lastChangeAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.rpo.properties.lastChangeAt.type, parentSchema: schema31.properties.rpo.properties.lastChangeAt, data: data30 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
        if (data28.sinceLastChangeMs !== void 0) {
          let data31 = data28.sinceLastChangeMs;
          if (!(typeof data31 == "number" && (!(data31 % 1) && !isNaN(data31)) && isFinite(data31))) {
            const err90 = { instancePath: instancePath + "/rpo/sinceLastChangeMs", schemaPath: "#/properties/rpo/properties/sinceLastChangeMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.rpo.properties.sinceLastChangeMs.type, parentSchema: schema31.properties.rpo.properties.sinceLastChangeMs, data: data31 };
            if (vErrors === null) {
              vErrors = [err90];
            } else {
              vErrors.push(err90);
            }
            errors++;
          }
          if (typeof data31 == "number" && isFinite(data31)) {
            if (data31 < 0 || isNaN(data31)) {
              const err91 = { instancePath: instancePath + "/rpo/sinceLastChangeMs", schemaPath: "#/properties/rpo/properties/sinceLastChangeMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.rpo.properties.sinceLastChangeMs, data: data31 };
              if (vErrors === null) {
                vErrors = [err91];
              } else {
                vErrors.push(err91);
              }
              errors++;
            }
          }
        }
        if (data28.slaMs !== void 0) {
          let data32 = data28.slaMs;
          if (!(typeof data32 == "number" && (!(data32 % 1) && !isNaN(data32)) && isFinite(data32)) && data32 !== null) {
            const err92 = { instancePath: instancePath + "/rpo/slaMs", schemaPath: "#/properties/rpo/properties/slaMs/type", keyword: "type", params: { type: schema31.properties.rpo.properties.slaMs.type }, message: "must be integer,null", schema: schema31.properties.rpo.properties.slaMs.type, parentSchema: schema31.properties.rpo.properties.slaMs, data: data32 };
            if (vErrors === null) {
              vErrors = [err92];
            } else {
              vErrors.push(err92);
            }
            errors++;
          }
          if (typeof data32 == "number" && isFinite(data32)) {
            if (data32 < 0 || isNaN(data32)) {
              const err93 = { instancePath: instancePath + "/rpo/slaMs", schemaPath: "#/properties/rpo/properties/slaMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.rpo.properties.slaMs, data: data32 };
              if (vErrors === null) {
                vErrors = [err93];
              } else {
                vErrors.push(err93);
              }
              errors++;
            }
          }
        }
        if (data28.met !== void 0) {
          let data33 = data28.met;
          if (typeof data33 !== "boolean" && data33 !== null) {
            const err94 = { instancePath: instancePath + "/rpo/met", schemaPath: "#/properties/rpo/properties/met/type", keyword: "type", params: { type: schema31.properties.rpo.properties.met.type }, message: "must be boolean,null", schema: schema31.properties.rpo.properties.met.type, parentSchema: schema31.properties.rpo.properties.met, data: data33 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
        }
      } else {
        const err95 = { instancePath: instancePath + "/rpo", schemaPath: "#/properties/rpo/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.rpo.type, parentSchema: schema31.properties.rpo, data: data28 };
        if (vErrors === null) {
          vErrors = [err95];
        } else {
          vErrors.push(err95);
        }
        errors++;
      }
    }
    if (data.baseline !== void 0) {
      let data34 = data.baseline;
      if (!(data34 && typeof data34 == "object" && !Array.isArray(data34)) && data34 !== null) {
        const err96 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/type", keyword: "type", params: { type: schema31.properties.baseline.type }, message: "must be object,null", schema: schema31.properties.baseline.type, parentSchema: schema31.properties.baseline, data: data34 };
        if (vErrors === null) {
          vErrors = [err96];
        } else {
          vErrors.push(err96);
        }
        errors++;
      }
      if (data34 && typeof data34 == "object" && !Array.isArray(data34)) {
        if (data34.drill === void 0) {
          const err97 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "drill" }, message: "must have required property 'drill'", schema: schema31.properties.baseline.required, parentSchema: schema31.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err97];
          } else {
            vErrors.push(err97);
          }
          errors++;
        }
        if (data34.missing === void 0) {
          const err98 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "missing" }, message: "must have required property 'missing'", schema: schema31.properties.baseline.required, parentSchema: schema31.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err98];
          } else {
            vErrors.push(err98);
          }
          errors++;
        }
        if (data34.extra === void 0) {
          const err99 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "extra" }, message: "must have required property 'extra'", schema: schema31.properties.baseline.required, parentSchema: schema31.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err99];
          } else {
            vErrors.push(err99);
          }
          errors++;
        }
        if (data34.changedComponents === void 0) {
          const err100 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "changedComponents" }, message: "must have required property 'changedComponents'", schema: schema31.properties.baseline.required, parentSchema: schema31.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err100];
          } else {
            vErrors.push(err100);
          }
          errors++;
        }
        if (data34.validationOutputDiffers === void 0) {
          const err101 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/required", keyword: "required", params: { missingProperty: "validationOutputDiffers" }, message: "must have required property 'validationOutputDiffers'", schema: schema31.properties.baseline.required, parentSchema: schema31.properties.baseline, data: data34 };
          if (vErrors === null) {
            vErrors = [err101];
          } else {
            vErrors.push(err101);
          }
          errors++;
        }
        for (const key5 in data34) {
          if (!(key5 === "drill" || key5 === "missing" || key5 === "extra" || key5 === "changedComponents" || key5 === "validationOutputDiffers")) {
            const err102 = { instancePath: instancePath + "/baseline", schemaPath: "#/properties/baseline/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.baseline, data: data34 };
            if (vErrors === null) {
              vErrors = [err102];
            } else {
              vErrors.push(err102);
            }
            errors++;
          }
        }
        if (data34.drill !== void 0) {
          let data35 = data34.drill;
          if (typeof data35 === "string") {
            if (func2(data35) > 300) {
              const err103 = { instancePath: instancePath + "/baseline/drill", schemaPath: "#/properties/baseline/properties/drill/maxLength", keyword: "maxLength", params: { limit: 300 }, message: "must NOT have more than 300 characters", schema: 300, parentSchema: schema31.properties.baseline.properties.drill, data: data35 };
              if (vErrors === null) {
                vErrors = [err103];
              } else {
                vErrors.push(err103);
              }
              errors++;
            }
          } else {
            const err104 = { instancePath: instancePath + "/baseline/drill", schemaPath: "#/properties/baseline/properties/drill/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.baseline.properties.drill.type, parentSchema: schema31.properties.baseline.properties.drill, data: data35 };
            if (vErrors === null) {
              vErrors = [err104];
            } else {
              vErrors.push(err104);
            }
            errors++;
          }
        }
        if (data34.missing !== void 0) {
          let data36 = data34.missing;
          if (Array.isArray(data36)) {
            if (data36.length > 1e5) {
              const err105 = { instancePath: instancePath + "/baseline/missing", schemaPath: "#/$defs/paths/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema35, data: data36 };
              if (vErrors === null) {
                vErrors = [err105];
              } else {
                vErrors.push(err105);
              }
              errors++;
            }
            const len1 = data36.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data37 = data36[i1];
              if (typeof data37 === "string") {
                if (func2(data37) > 4096) {
                  const err106 = { instancePath: instancePath + "/baseline/missing/" + i1, schemaPath: "#/$defs/paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema35.items, data: data37 };
                  if (vErrors === null) {
                    vErrors = [err106];
                  } else {
                    vErrors.push(err106);
                  }
                  errors++;
                }
              } else {
                const err107 = { instancePath: instancePath + "/baseline/missing/" + i1, schemaPath: "#/$defs/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.items.type, parentSchema: schema35.items, data: data37 };
                if (vErrors === null) {
                  vErrors = [err107];
                } else {
                  vErrors.push(err107);
                }
                errors++;
              }
            }
          } else {
            const err108 = { instancePath: instancePath + "/baseline/missing", schemaPath: "#/$defs/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.type, parentSchema: schema35, data: data36 };
            if (vErrors === null) {
              vErrors = [err108];
            } else {
              vErrors.push(err108);
            }
            errors++;
          }
        }
        if (data34.extra !== void 0) {
          let data38 = data34.extra;
          if (Array.isArray(data38)) {
            if (data38.length > 1e5) {
              const err109 = { instancePath: instancePath + "/baseline/extra", schemaPath: "#/$defs/paths/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema35, data: data38 };
              if (vErrors === null) {
                vErrors = [err109];
              } else {
                vErrors.push(err109);
              }
              errors++;
            }
            const len2 = data38.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data39 = data38[i2];
              if (typeof data39 === "string") {
                if (func2(data39) > 4096) {
                  const err110 = { instancePath: instancePath + "/baseline/extra/" + i2, schemaPath: "#/$defs/paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema35.items, data: data39 };
                  if (vErrors === null) {
                    vErrors = [err110];
                  } else {
                    vErrors.push(err110);
                  }
                  errors++;
                }
              } else {
                const err111 = { instancePath: instancePath + "/baseline/extra/" + i2, schemaPath: "#/$defs/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.items.type, parentSchema: schema35.items, data: data39 };
                if (vErrors === null) {
                  vErrors = [err111];
                } else {
                  vErrors.push(err111);
                }
                errors++;
              }
            }
          } else {
            const err112 = { instancePath: instancePath + "/baseline/extra", schemaPath: "#/$defs/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.type, parentSchema: schema35, data: data38 };
            if (vErrors === null) {
              vErrors = [err112];
            } else {
              vErrors.push(err112);
            }
            errors++;
          }
        }
        if (data34.changedComponents !== void 0) {
          let data40 = data34.changedComponents;
          if (Array.isArray(data40)) {
            if (data40.length > 1e5) {
              const err113 = { instancePath: instancePath + "/baseline/changedComponents", schemaPath: "#/$defs/paths/maxItems", keyword: "maxItems", params: { limit: 1e5 }, message: "must NOT have more than 100000 items", schema: 1e5, parentSchema: schema35, data: data40 };
              if (vErrors === null) {
                vErrors = [err113];
              } else {
                vErrors.push(err113);
              }
              errors++;
            }
            const len3 = data40.length;
            for (let i3 = 0; i3 < len3; i3++) {
              let data41 = data40[i3];
              if (typeof data41 === "string") {
                if (func2(data41) > 4096) {
                  const err114 = { instancePath: instancePath + "/baseline/changedComponents/" + i3, schemaPath: "#/$defs/paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema35.items, data: data41 };
                  if (vErrors === null) {
                    vErrors = [err114];
                  } else {
                    vErrors.push(err114);
                  }
                  errors++;
                }
              } else {
                const err115 = { instancePath: instancePath + "/baseline/changedComponents/" + i3, schemaPath: "#/$defs/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.items.type, parentSchema: schema35.items, data: data41 };
                if (vErrors === null) {
                  vErrors = [err115];
                } else {
                  vErrors.push(err115);
                }
                errors++;
              }
            }
          } else {
            const err116 = { instancePath: instancePath + "/baseline/changedComponents", schemaPath: "#/$defs/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema35.type, parentSchema: schema35, data: data40 };
            if (vErrors === null) {
              vErrors = [err116];
            } else {
              vErrors.push(err116);
            }
            errors++;
          }
        }
        if (data34.validationOutputDiffers !== void 0) {
          let data42 = data34.validationOutputDiffers;
          if (typeof data42 !== "boolean") {
            const err117 = { instancePath: instancePath + "/baseline/validationOutputDiffers", schemaPath: "#/properties/baseline/properties/validationOutputDiffers/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.baseline.properties.validationOutputDiffers.type, parentSchema: schema31.properties.baseline.properties.validationOutputDiffers, data: data42 };
            if (vErrors === null) {
              vErrors = [err117];
            } else {
              vErrors.push(err117);
            }
            errors++;
          }
        }
      }
    }
    if (data.ranBy !== void 0) {
      let data43 = data.ranBy;
      if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
        if (data43.login === void 0) {
          const err118 = { instancePath: instancePath + "/ranBy", schemaPath: "#/properties/ranBy/required", keyword: "required", params: { missingProperty: "login" }, message: "must have required property 'login'", schema: schema31.properties.ranBy.required, parentSchema: schema31.properties.ranBy, data: data43 };
          if (vErrors === null) {
            vErrors = [err118];
          } else {
            vErrors.push(err118);
          }
          errors++;
        }
        for (const key6 in data43) {
          if (!(key6 === "login" || key6 === "id")) {
            const err119 = { instancePath: instancePath + "/ranBy", schemaPath: "#/properties/ranBy/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.ranBy, data: data43 };
            if (vErrors === null) {
              vErrors = [err119];
            } else {
              vErrors.push(err119);
            }
            errors++;
          }
        }
        if (data43.login !== void 0) {
          let data44 = data43.login;
          if (typeof data44 === "string") {
            if (func2(data44) > 100) {
              const err120 = { instancePath: instancePath + "/ranBy/login", schemaPath: "#/properties/ranBy/properties/login/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema31.properties.ranBy.properties.login, data: data44 };
              if (vErrors === null) {
                vErrors = [err120];
              } else {
                vErrors.push(err120);
              }
              errors++;
            }
            if (func2(data44) < 1) {
              const err121 = { instancePath: instancePath + "/ranBy/login", schemaPath: "#/properties/ranBy/properties/login/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.ranBy.properties.login, data: data44 };
              if (vErrors === null) {
                vErrors = [err121];
              } else {
                vErrors.push(err121);
              }
              errors++;
            }
          } else {
            const err122 = { instancePath: instancePath + "/ranBy/login", schemaPath: "#/properties/ranBy/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.ranBy.properties.login.type, parentSchema: schema31.properties.ranBy.properties.login, data: data44 };
            if (vErrors === null) {
              vErrors = [err122];
            } else {
              vErrors.push(err122);
            }
            errors++;
          }
        }
        if (data43.id !== void 0) {
          let data45 = data43.id;
          if (!(typeof data45 == "number" && (!(data45 % 1) && !isNaN(data45)) && isFinite(data45))) {
            const err123 = { instancePath: instancePath + "/ranBy/id", schemaPath: "#/properties/ranBy/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.ranBy.properties.id.type, parentSchema: schema31.properties.ranBy.properties.id, data: data45 };
            if (vErrors === null) {
              vErrors = [err123];
            } else {
              vErrors.push(err123);
            }
            errors++;
          }
          if (typeof data45 == "number" && isFinite(data45)) {
            if (data45 < 1 || isNaN(data45)) {
              const err124 = { instancePath: instancePath + "/ranBy/id", schemaPath: "#/properties/ranBy/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.ranBy.properties.id, data: data45 };
              if (vErrors === null) {
                vErrors = [err124];
              } else {
                vErrors.push(err124);
              }
              errors++;
            }
          }
        }
      } else {
        const err125 = { instancePath: instancePath + "/ranBy", schemaPath: "#/properties/ranBy/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.ranBy.type, parentSchema: schema31.properties.ranBy, data: data43 };
        if (vErrors === null) {
          vErrors = [err125];
        } else {
          vErrors.push(err125);
        }
        errors++;
      }
    }
    if (data.gaps !== void 0) {
      let data46 = data.gaps;
      if (Array.isArray(data46)) {
        if (data46.length > 1e3) {
          const err126 = { instancePath: instancePath + "/gaps", schemaPath: "#/properties/gaps/maxItems", keyword: "maxItems", params: { limit: 1e3 }, message: "must NOT have more than 1000 items", schema: 1e3, parentSchema: schema31.properties.gaps, data: data46 };
          if (vErrors === null) {
            vErrors = [err126];
          } else {
            vErrors.push(err126);
          }
          errors++;
        }
        const len4 = data46.length;
        for (let i4 = 0; i4 < len4; i4++) {
          let data47 = data46[i4];
          if (data47 && typeof data47 == "object" && !Array.isArray(data47)) {
            if (data47.kind === void 0) {
              const err127 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema31.properties.gaps.items.required, parentSchema: schema31.properties.gaps.items, data: data47 };
              if (vErrors === null) {
                vErrors = [err127];
              } else {
                vErrors.push(err127);
              }
              errors++;
            }
            if (data47.message === void 0) {
              const err128 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema31.properties.gaps.items.required, parentSchema: schema31.properties.gaps.items, data: data47 };
              if (vErrors === null) {
                vErrors = [err128];
              } else {
                vErrors.push(err128);
              }
              errors++;
            }
            for (const key7 in data47) {
              if (!(key7 === "kind" || key7 === "message" || key7 === "path")) {
                const err129 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.gaps.items, data: data47 };
                if (vErrors === null) {
                  vErrors = [err129];
                } else {
                  vErrors.push(err129);
                }
                errors++;
              }
            }
            if (data47.kind !== void 0) {
              let data48 = data47.kind;
              if (!(data48 === "missing-dependency" || data48 === "outdated-secret" || data48 === "out-of-scope" || data48 === "missing-component" || data48 === "restore" || data48 === "other")) {
                const err130 = { instancePath: instancePath + "/gaps/" + i4 + "/kind", schemaPath: "#/properties/gaps/items/properties/kind/enum", keyword: "enum", params: { allowedValues: schema31.properties.gaps.items.properties.kind.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.gaps.items.properties.kind.enum, parentSchema: schema31.properties.gaps.items.properties.kind, data: data48 };
                if (vErrors === null) {
                  vErrors = [err130];
                } else {
                  vErrors.push(err130);
                }
                errors++;
              }
            }
            if (data47.message !== void 0) {
              let data49 = data47.message;
              if (typeof data49 === "string") {
                if (func2(data49) > 2e3) {
                  const err131 = { instancePath: instancePath + "/gaps/" + i4 + "/message", schemaPath: "#/properties/gaps/items/properties/message/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters", schema: 2e3, parentSchema: schema31.properties.gaps.items.properties.message, data: data49 };
                  if (vErrors === null) {
                    vErrors = [err131];
                  } else {
                    vErrors.push(err131);
                  }
                  errors++;
                }
              } else {
                const err132 = { instancePath: instancePath + "/gaps/" + i4 + "/message", schemaPath: "#/properties/gaps/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.gaps.items.properties.message.type, parentSchema: schema31.properties.gaps.items.properties.message, data: data49 };
                if (vErrors === null) {
                  vErrors = [err132];
                } else {
                  vErrors.push(err132);
                }
                errors++;
              }
            }
            if (data47.path !== void 0) {
              let data50 = data47.path;
              if (typeof data50 === "string") {
                if (func2(data50) > 4096) {
                  const err133 = { instancePath: instancePath + "/gaps/" + i4 + "/path", schemaPath: "#/properties/gaps/items/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.gaps.items.properties.path, data: data50 };
                  if (vErrors === null) {
                    vErrors = [err133];
                  } else {
                    vErrors.push(err133);
                  }
                  errors++;
                }
              } else {
                const err134 = { instancePath: instancePath + "/gaps/" + i4 + "/path", schemaPath: "#/properties/gaps/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.gaps.items.properties.path.type, parentSchema: schema31.properties.gaps.items.properties.path, data: data50 };
                if (vErrors === null) {
                  vErrors = [err134];
                } else {
                  vErrors.push(err134);
                }
                errors++;
              }
            }
          } else {
            const err135 = { instancePath: instancePath + "/gaps/" + i4, schemaPath: "#/properties/gaps/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.gaps.items.type, parentSchema: schema31.properties.gaps.items, data: data47 };
            if (vErrors === null) {
              vErrors = [err135];
            } else {
              vErrors.push(err135);
            }
            errors++;
          }
        }
      } else {
        const err136 = { instancePath: instancePath + "/gaps", schemaPath: "#/properties/gaps/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.gaps.type, parentSchema: schema31.properties.gaps, data: data46 };
        if (vErrors === null) {
          vErrors = [err136];
        } else {
          vErrors.push(err136);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data51 = data.signature;
      if (data51 && typeof data51 == "object" && !Array.isArray(data51)) {
        if (data51.alg === void 0) {
          const err137 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data51 };
          if (vErrors === null) {
            vErrors = [err137];
          } else {
            vErrors.push(err137);
          }
          errors++;
        }
        if (data51.key === void 0) {
          const err138 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data51 };
          if (vErrors === null) {
            vErrors = [err138];
          } else {
            vErrors.push(err138);
          }
          errors++;
        }
        if (data51.value === void 0) {
          const err139 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data51 };
          if (vErrors === null) {
            vErrors = [err139];
          } else {
            vErrors.push(err139);
          }
          errors++;
        }
        for (const key8 in data51) {
          if (!(key8 === "alg" || key8 === "key" || key8 === "value")) {
            const err140 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key8 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.signature, data: data51 };
            if (vErrors === null) {
              vErrors = [err140];
            } else {
              vErrors.push(err140);
            }
            errors++;
          }
        }
        if (data51.alg !== void 0) {
          let data52 = data51.alg;
          if ("ed25519" !== data52) {
            const err141 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema31.properties.signature.properties.alg, data: data52 };
            if (vErrors === null) {
              vErrors = [err141];
            } else {
              vErrors.push(err141);
            }
            errors++;
          }
        }
        if (data51.key !== void 0) {
          let data53 = data51.key;
          if (typeof data53 === "string") {
            if (!pattern7.test(data53)) {
              const err142 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sgw1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sgw1[02-9ac-hj-np-z]{58}$"', schema: "^sgw1[02-9ac-hj-np-z]{58}$", parentSchema: schema31.properties.signature.properties.key, data: data53 };
              if (vErrors === null) {
                vErrors = [err142];
              } else {
                vErrors.push(err142);
              }
              errors++;
            }
          } else {
            const err143 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.signature.properties.key.type, parentSchema: schema31.properties.signature.properties.key, data: data53 };
            if (vErrors === null) {
              vErrors = [err143];
            } else {
              vErrors.push(err143);
            }
            errors++;
          }
        }
        if (data51.value !== void 0) {
          let data54 = data51.value;
          if (typeof data54 === "string") {
            if (func2(data54) > 200) {
              const err144 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.signature.properties.value, data: data54 };
              if (vErrors === null) {
                vErrors = [err144];
              } else {
                vErrors.push(err144);
              }
              errors++;
            }
          } else {
            const err145 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.signature.properties.value.type, parentSchema: schema31.properties.signature.properties.value, data: data54 };
            if (vErrors === null) {
              vErrors = [err145];
            } else {
              vErrors.push(err145);
            }
            errors++;
          }
        }
      } else {
        const err146 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.signature.type, parentSchema: schema31.properties.signature, data: data51 };
        if (vErrors === null) {
          vErrors = [err146];
        } else {
          vErrors.push(err146);
        }
        errors++;
      }
    }
  } else {
    const err147 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err147];
    } else {
      vErrors.push(err147);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/operations/read-drill-record.ts
var validator = new JsonSchemaValidator(
  () => drill_validator_default
);
async function readDrillRecord(store, path, trustedKeys) {
  const bytes = await store.readRecord(path);
  if (!bytes) return { ok: false, reason: "missing", detail: `${path} is not in the store` };
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = void 0;
  }
  const checked = validator.check(value);
  if (!checked.ok) {
    const first = checked.problems[0];
    return {
      ok: false,
      reason: "unreadable",
      detail: `${path} is not a drill record${first ? ` (${first.instancePath} ${first.message})` : ""}`
    };
  }
  const record = checked.value;
  const name = parseDrillPath(path);
  if (!name || name.stream !== record.stream || name.snapshot !== record.snapshot || name.ok !== record.ok || Date.parse(name.time) !== Date.parse(record.time)) {
    return { ok: false, reason: "mismatch", detail: `${path} does not say what its name says` };
  }
  const { signature, ...body } = record;
  if (!trustedKeys.includes(signature.key)) {
    return {
      ok: false,
      reason: "unsigned",
      detail: `${path} is signed by ${signature.key.slice(0, 16)}..., which is not a trusted writer key`
    };
  }
  const sodium = await loadSodium();
  let valid;
  try {
    valid = sodium.crypto_sign_verify_detached(
      Buffer.from(signature.value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseVerifyKey(signature.key)
    );
  } catch {
    valid = false;
  }
  return valid ? { ok: true, record } : { ok: false, reason: "unsigned", detail: `${path}: the signature does not match the record` };
}

export {
  readDrillRecord
};
