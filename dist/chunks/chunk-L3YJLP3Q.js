import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  MANIFEST_V2_FORMAT,
  require_formats,
  require_ucs2length
} from "./chunk-MVZIGVV4.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/json-schema-validator.ts
function describe(error) {
  if (error.keyword === "additionalProperties") {
    return `has an unknown key '${String(error.params.additionalProperty)}'`;
  }
  if (error.keyword === "enum") {
    return `must be one of ${error.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return error.message ?? error.keyword;
}
var JsonSchemaValidator = class {
  /**
   * `load` gives the validate function on first use: ajv compiles lazily
   * (see schemaValidator), and a schema on a hot path passes its precompiled
   * validator (scripts/compile-validators.js), so ajv is never even loaded.
   */
  constructor(load) {
    this.load = load;
  }
  load;
  compiled;
  get validate() {
    this.compiled ??= this.load();
    return this.compiled;
  }
  check(value) {
    const validate = this.validate;
    if (validate(value)) return { ok: true, value };
    const problems = (validate.errors ?? []).map((error) => ({
      instancePath: error.instancePath || "/",
      message: describe(error)
    }));
    return { ok: false, problems };
  }
};

// core/generated/manifest-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var manifest_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/manifest.schema.json", "title": "Snapgate snapshot manifest (snapgate.manifest/v1)", "description": "One snapshot of one stream (environment): signed with the writer key and hash-chained to the previous manifest of the stream. Paths, sizes and metadata are readable by anyone who can read the store; contents are not.", "type": "object", "additionalProperties": false, "required": ["format", "stream", "seq", "prev", "phase", "time", "writtenAt", "metadata", "policyDigest", "recipients", "files", "signature"], "properties": { "format": { "const": "snapgate.manifest/v1" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "prev": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/sha256" }] }, "phase": { "enum": ["pre", "post", "scheduled", "manual"] }, "time": { "type": "string", "format": "date-time" }, "writtenAt": { "type": "string", "format": "date-time" }, "metadata": { "type": "object", "additionalProperties": false, "required": ["environment", "tags"], "properties": { "environment": { "type": "string", "minLength": 1, "maxLength": 63 }, "application": { "type": "string", "maxLength": 200 }, "appVersion": { "type": "string", "maxLength": 200 }, "commit": { "type": "string", "maxLength": 200 }, "ref": { "type": "string", "maxLength": 500 }, "repository": { "type": "string", "maxLength": 200 }, "deployer": { "type": "string", "maxLength": 200 }, "changeId": { "type": "string", "maxLength": 200 }, "runUrl": { "type": "string", "maxLength": 1e3 }, "workflow": { "type": "string", "maxLength": 500 }, "tags": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 100 }, "maxItems": 100 } } }, "policyDigest": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }] }, "recipients": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^age1[0-9a-z]{58}$" } }, "recipientSets": { "description": "The recipient sets the blobs are sealed to, by id (the first 32 hex digits of sha256 over 'snapgate.recipient-set/v1', a newline and the sorted recipients joined by newlines). Absent in manifests written before blobs named their recipient set: then who can open each blob is unknown.", "type": "object", "propertyNames": { "$ref": "#/$defs/recipientSetId" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["recipients"], "properties": { "recipients": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^age1[0-9a-z]{58}$" } } } } }, "files": { "type": "array", "items": { "$ref": "#/$defs/file" } }, "emptyDirectories": { "description": "Directories that held nothing when the snapshot was taken, relative like file paths, so that a restore makes them too. Optional: absent in older manifests and when there is none.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } }, "consistency": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "ok", "message"], "properties": { "name": { "type": "string" }, "ok": { "type": "boolean" }, "message": { "type": "string" } } } }, "coverage": { "description": "Coverage under the policy when the snapshot was taken (absent without a policy): what the gate's coverage condition reads.", "type": "object", "additionalProperties": false, "required": ["uncoveredTier0Paths", "missingComponents", "secretsOutsideComponents"], "properties": { "uncoveredTier0Paths": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } }, "missingComponents": { "type": "array", "items": { "type": "string", "maxLength": 200 } }, "secretsOutsideComponents": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } } } }, "signature": { "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sgw1[0-9a-z]{58}$" }, "value": { "type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$" } } } }, "$defs": { "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "recipientSetId": { "type": "string", "pattern": "^[0-9a-f]{32}$" }, "file": { "description": "Path rules (relative, no '..', no NUL, no case-insensitive collisions) are checked by the restore code, not here, so that a hostile manifest gets a precise error.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["type", "path", "mode", "size", "blob", "encoding", "ciphertextSha256"], "properties": { "type": { "const": "file" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "mode": { "type": "integer", "minimum": 0, "maximum": 4095 }, "size": { "type": "integer", "minimum": 0 }, "blob": { "$ref": "#/$defs/sha256" }, "encoding": { "enum": ["gzip", "none"] }, "ciphertextSha256": { "$ref": "#/$defs/sha256" }, "recipientSet": { "description": "The id of the recipient set (in recipientSets) the blob is sealed to; part of the blob's file name.", "$ref": "#/$defs/recipientSetId" }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }, { "type": "object", "additionalProperties": false, "required": ["type", "path", "target"], "properties": { "type": { "const": "symlink" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "target": { "type": "string", "minLength": 1, "maxLength": 4096 }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }] } } };
var schema32 = { "type": "string", "pattern": "^[0-9a-f]{64}$" };
var schema33 = { "type": "string", "pattern": "^[0-9a-f]{32}$" };
var func1 = Object.prototype.hasOwnProperty;
var func3 = import_ucs2length.default.default;
var pattern4 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern5 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern6 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern7 = new RegExp("^age1[0-9a-z]{58}$", "u");
var pattern8 = new RegExp("^[0-9a-f]{32}$", "u");
var pattern13 = new RegExp("^sgw1[0-9a-z]{58}$", "u");
var pattern14 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
var formats0 = import_formats.default.fullFormats["date-time"];
var schema34 = { "description": "Path rules (relative, no '..', no NUL, no case-insensitive collisions) are checked by the restore code, not here, so that a hostile manifest gets a precise error.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["type", "path", "mode", "size", "blob", "encoding", "ciphertextSha256"], "properties": { "type": { "const": "file" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "mode": { "type": "integer", "minimum": 0, "maximum": 4095 }, "size": { "type": "integer", "minimum": 0 }, "blob": { "$ref": "#/$defs/sha256" }, "encoding": { "enum": ["gzip", "none"] }, "ciphertextSha256": { "$ref": "#/$defs/sha256" }, "recipientSet": { "description": "The id of the recipient set (in recipientSets) the blob is sealed to; part of the blob's file name.", "$ref": "#/$defs/recipientSetId" }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }, { "type": "object", "additionalProperties": false, "required": ["type", "path", "target"], "properties": { "type": { "const": "symlink" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "target": { "type": "string", "minLength": 1, "maxLength": 4096 }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }] };
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.mode === void 0) {
      const err2 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property 'mode'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.size === void 0) {
      const err3 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.blob === void 0) {
      const err4 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "blob" }, message: "must have required property 'blob'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.encoding === void 0) {
      const err5 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "encoding" }, message: "must have required property 'encoding'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.ciphertextSha256 === void 0) {
      const err6 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "ciphertextSha256" }, message: "must have required property 'ciphertextSha256'", schema: schema34.oneOf[0].required, parentSchema: schema34.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema34.oneOf[0].properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34.oneOf[0], data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data0 = data.type;
      if ("file" !== data0) {
        const err8 = { instancePath: instancePath + "/type", schemaPath: "#/oneOf/0/properties/type/const", keyword: "const", params: { allowedValue: "file" }, message: "must be equal to constant", schema: "file", parentSchema: schema34.oneOf[0].properties.type, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data1 = data.path;
      if (typeof data1 === "string") {
        if (func3(data1) > 4096) {
          const err9 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema34.oneOf[0].properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (func3(data1) < 1) {
          const err10 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.oneOf[0].properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[0].properties.path.type, parentSchema: schema34.oneOf[0].properties.path, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data2 = data.mode;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err12 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema34.oneOf[0].properties.mode.type, parentSchema: schema34.oneOf[0].properties.mode, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 4095 || isNaN(data2)) {
          const err13 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4095 }, message: "must be <= 4095", schema: 4095, parentSchema: schema34.oneOf[0].properties.mode, data: data2 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data2 < 0 || isNaN(data2)) {
          const err14 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema34.oneOf[0].properties.mode, data: data2 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      }
    }
    if (data.size !== void 0) {
      let data3 = data.size;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err15 = { instancePath: instancePath + "/size", schemaPath: "#/oneOf/0/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema34.oneOf[0].properties.size.type, parentSchema: schema34.oneOf[0].properties.size, data: data3 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 0 || isNaN(data3)) {
          const err16 = { instancePath: instancePath + "/size", schemaPath: "#/oneOf/0/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema34.oneOf[0].properties.size, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
    }
    if (data.blob !== void 0) {
      let data4 = data.blob;
      if (typeof data4 === "string") {
        if (!pattern5.test(data4)) {
          const err17 = { instancePath: instancePath + "/blob", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema32, data: data4 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/blob", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data4 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.encoding !== void 0) {
      let data5 = data.encoding;
      if (!(data5 === "gzip" || data5 === "none")) {
        const err19 = { instancePath: instancePath + "/encoding", schemaPath: "#/oneOf/0/properties/encoding/enum", keyword: "enum", params: { allowedValues: schema34.oneOf[0].properties.encoding.enum }, message: "must be equal to one of the allowed values", schema: schema34.oneOf[0].properties.encoding.enum, parentSchema: schema34.oneOf[0].properties.encoding, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.ciphertextSha256 !== void 0) {
      let data6 = data.ciphertextSha256;
      if (typeof data6 === "string") {
        if (!pattern5.test(data6)) {
          const err20 = { instancePath: instancePath + "/ciphertextSha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema32, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/ciphertextSha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.recipientSet !== void 0) {
      let data7 = data.recipientSet;
      if (typeof data7 === "string") {
        if (!pattern8.test(data7)) {
          const err22 = { instancePath: instancePath + "/recipientSet", schemaPath: "#/$defs/recipientSetId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"', schema: "^[0-9a-f]{32}$", parentSchema: schema33, data: data7 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/recipientSet", schemaPath: "#/$defs/recipientSetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data7 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.component !== void 0) {
      let data8 = data.component;
      if (typeof data8 === "string") {
        if (func3(data8) > 200) {
          const err24 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/0/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema34.oneOf[0].properties.component, data: data8 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/0/properties/component/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[0].properties.component.type, parentSchema: schema34.oneOf[0].properties.component, data: data8 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data9 = data.tier;
      if (typeof data9 === "string") {
        if (func3(data9) > 100) {
          const err26 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/0/properties/tier/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema34.oneOf[0].properties.tier, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/0/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[0].properties.tier.type, parentSchema: schema34.oneOf[0].properties.tier, data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data10 = data.owner;
      if (typeof data10 === "string") {
        if (func3(data10) > 200) {
          const err28 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/0/properties/owner/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema34.oneOf[0].properties.owner, data: data10 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/0/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[0].properties.owner.type, parentSchema: schema34.oneOf[0].properties.owner, data: data10 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
  } else {
    const err30 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.oneOf[0].type, parentSchema: schema34.oneOf[0], data };
    if (vErrors === null) {
      vErrors = [err30];
    } else {
      vErrors.push(err30);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props0 = true;
  }
  const _errs27 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err31 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema34.oneOf[1].required, parentSchema: schema34.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err31];
      } else {
        vErrors.push(err31);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err32 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema34.oneOf[1].required, parentSchema: schema34.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err32];
      } else {
        vErrors.push(err32);
      }
      errors++;
    }
    if (data.target === void 0) {
      const err33 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema34.oneOf[1].required, parentSchema: schema34.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err33];
      } else {
        vErrors.push(err33);
      }
      errors++;
    }
    for (const key1 in data) {
      if (!(key1 === "type" || key1 === "path" || key1 === "target" || key1 === "component" || key1 === "tier" || key1 === "owner")) {
        const err34 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema34.oneOf[1], data };
        if (vErrors === null) {
          vErrors = [err34];
        } else {
          vErrors.push(err34);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data11 = data.type;
      if ("symlink" !== data11) {
        const err35 = { instancePath: instancePath + "/type", schemaPath: "#/oneOf/1/properties/type/const", keyword: "const", params: { allowedValue: "symlink" }, message: "must be equal to constant", schema: "symlink", parentSchema: schema34.oneOf[1].properties.type, data: data11 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data12 = data.path;
      if (typeof data12 === "string") {
        if (func3(data12) > 4096) {
          const err36 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema34.oneOf[1].properties.path, data: data12 };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
        if (func3(data12) < 1) {
          const err37 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.oneOf[1].properties.path, data: data12 };
          if (vErrors === null) {
            vErrors = [err37];
          } else {
            vErrors.push(err37);
          }
          errors++;
        }
      } else {
        const err38 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[1].properties.path.type, parentSchema: schema34.oneOf[1].properties.path, data: data12 };
        if (vErrors === null) {
          vErrors = [err38];
        } else {
          vErrors.push(err38);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      let data13 = data.target;
      if (typeof data13 === "string") {
        if (func3(data13) > 4096) {
          const err39 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema34.oneOf[1].properties.target, data: data13 };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        if (func3(data13) < 1) {
          const err40 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema34.oneOf[1].properties.target, data: data13 };
          if (vErrors === null) {
            vErrors = [err40];
          } else {
            vErrors.push(err40);
          }
          errors++;
        }
      } else {
        const err41 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[1].properties.target.type, parentSchema: schema34.oneOf[1].properties.target, data: data13 };
        if (vErrors === null) {
          vErrors = [err41];
        } else {
          vErrors.push(err41);
        }
        errors++;
      }
    }
    if (data.component !== void 0) {
      let data14 = data.component;
      if (typeof data14 === "string") {
        if (func3(data14) > 200) {
          const err42 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/1/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema34.oneOf[1].properties.component, data: data14 };
          if (vErrors === null) {
            vErrors = [err42];
          } else {
            vErrors.push(err42);
          }
          errors++;
        }
      } else {
        const err43 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/1/properties/component/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[1].properties.component.type, parentSchema: schema34.oneOf[1].properties.component, data: data14 };
        if (vErrors === null) {
          vErrors = [err43];
        } else {
          vErrors.push(err43);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data15 = data.tier;
      if (typeof data15 === "string") {
        if (func3(data15) > 100) {
          const err44 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/1/properties/tier/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema34.oneOf[1].properties.tier, data: data15 };
          if (vErrors === null) {
            vErrors = [err44];
          } else {
            vErrors.push(err44);
          }
          errors++;
        }
      } else {
        const err45 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/1/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[1].properties.tier.type, parentSchema: schema34.oneOf[1].properties.tier, data: data15 };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data16 = data.owner;
      if (typeof data16 === "string") {
        if (func3(data16) > 200) {
          const err46 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/1/properties/owner/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema34.oneOf[1].properties.owner, data: data16 };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      } else {
        const err47 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/1/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema34.oneOf[1].properties.owner.type, parentSchema: schema34.oneOf[1].properties.owner, data: data16 };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
  } else {
    const err48 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema34.oneOf[1].type, parentSchema: schema34.oneOf[1], data };
    if (vErrors === null) {
      vErrors = [err48];
    } else {
      vErrors.push(err48);
    }
    errors++;
  }
  var _valid0 = _errs27 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props0 !== true) {
        props0 = true;
      }
    }
  }
  if (!valid0) {
    const err49 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema34.oneOf, parentSchema: schema34, data };
    if (vErrors === null) {
      vErrors = [err49];
    } else {
      vErrors.push(err49);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate21.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate21.evaluated = { "dynamicProps": true, "dynamicItems": false };
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
    if (data.prev === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "prev" }, message: "must have required property 'prev'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.phase === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "phase" }, message: "must have required property 'phase'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.writtenAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "writtenAt" }, message: "must have required property 'writtenAt'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.policyDigest === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.recipients === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.signature === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "signature" }, message: "must have required property 'signature'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func1.call(schema31.properties, key0)) {
        const err12 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31, data };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.manifest/v1" !== data0) {
        const err13 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.manifest/v1" }, message: "must be equal to constant", schema: "snapgate.manifest/v1", parentSchema: schema31.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err14 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema31.properties.stream, data: data1 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.stream.type, parentSchema: schema31.properties.stream, data: data1 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data2 = data.seq;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err16 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.seq.type, parentSchema: schema31.properties.seq, data: data2 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err17 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.seq, data: data2 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.prev !== void 0) {
      let data3 = data.prev;
      const _errs8 = errors;
      let valid1 = false;
      let passing0 = null;
      const _errs9 = errors;
      if (data3 !== null) {
        const err18 = { instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema31.properties.prev.oneOf[0].type, parentSchema: schema31.properties.prev.oneOf[0], data: data3 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      var _valid0 = _errs9 === errors;
      if (_valid0) {
        valid1 = true;
        passing0 = 0;
      }
      const _errs11 = errors;
      if (typeof data3 === "string") {
        if (!pattern5.test(data3)) {
          const err19 = { instancePath: instancePath + "/prev", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema32, data: data3 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/prev", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data3 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      var _valid0 = _errs11 === errors;
      if (_valid0 && valid1) {
        valid1 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid1 = true;
          passing0 = 1;
        }
      }
      if (!valid1) {
        const err21 = { instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema31.properties.prev.oneOf, parentSchema: schema31.properties.prev, data: data3 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      } else {
        errors = _errs8;
        if (vErrors !== null) {
          if (_errs8) {
            vErrors.length = _errs8;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.phase !== void 0) {
      let data4 = data.phase;
      if (!(data4 === "pre" || data4 === "post" || data4 === "scheduled" || data4 === "manual")) {
        const err22 = { instancePath: instancePath + "/phase", schemaPath: "#/properties/phase/enum", keyword: "enum", params: { allowedValues: schema31.properties.phase.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.phase.enum, parentSchema: schema31.properties.phase, data: data4 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data5 = data.time;
      if (typeof data5 === "string") {
        if (!formats0.validate(data5)) {
          const err23 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.time, data: data5 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.time.type, parentSchema: schema31.properties.time, data: data5 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.writtenAt !== void 0) {
      let data6 = data.writtenAt;
      if (typeof data6 === "string") {
        if (!formats0.validate(data6)) {
          const err25 = { instancePath: instancePath + "/writtenAt", schemaPath: "#/properties/writtenAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.writtenAt, data: data6 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/writtenAt", schemaPath: "#/properties/writtenAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.writtenAt.type, parentSchema: schema31.properties.writtenAt, data: data6 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data7 = data.metadata;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        if (data7.environment === void 0) {
          const err27 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema31.properties.metadata.required, parentSchema: schema31.properties.metadata, data: data7 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        if (data7.tags === void 0) {
          const err28 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "tags" }, message: "must have required property 'tags'", schema: schema31.properties.metadata.required, parentSchema: schema31.properties.metadata, data: data7 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
        for (const key1 in data7) {
          if (!func1.call(schema31.properties.metadata.properties, key1)) {
            const err29 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.metadata, data: data7 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data7.environment !== void 0) {
          let data8 = data7.environment;
          if (typeof data8 === "string") {
            if (func3(data8) > 63) {
              const err30 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema31.properties.metadata.properties.environment, data: data8 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
            if (func3(data8) < 1) {
              const err31 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.metadata.properties.environment, data: data8 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.environment.type, parentSchema: schema31.properties.metadata.properties.environment, data: data8 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data7.application !== void 0) {
          let data9 = data7.application;
          if (typeof data9 === "string") {
            if (func3(data9) > 200) {
              const err33 = { instancePath: instancePath + "/metadata/application", schemaPath: "#/properties/metadata/properties/application/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.metadata.properties.application, data: data9 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/metadata/application", schemaPath: "#/properties/metadata/properties/application/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.application.type, parentSchema: schema31.properties.metadata.properties.application, data: data9 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data7.appVersion !== void 0) {
          let data10 = data7.appVersion;
          if (typeof data10 === "string") {
            if (func3(data10) > 200) {
              const err35 = { instancePath: instancePath + "/metadata/appVersion", schemaPath: "#/properties/metadata/properties/appVersion/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.metadata.properties.appVersion, data: data10 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = { instancePath: instancePath + "/metadata/appVersion", schemaPath: "#/properties/metadata/properties/appVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.appVersion.type, parentSchema: schema31.properties.metadata.properties.appVersion, data: data10 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data7.commit !== void 0) {
          let data11 = data7.commit;
          if (typeof data11 === "string") {
            if (func3(data11) > 200) {
              const err37 = { instancePath: instancePath + "/metadata/commit", schemaPath: "#/properties/metadata/properties/commit/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.metadata.properties.commit, data: data11 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = { instancePath: instancePath + "/metadata/commit", schemaPath: "#/properties/metadata/properties/commit/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.commit.type, parentSchema: schema31.properties.metadata.properties.commit, data: data11 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data7.ref !== void 0) {
          let data12 = data7.ref;
          if (typeof data12 === "string") {
            if (func3(data12) > 500) {
              const err39 = { instancePath: instancePath + "/metadata/ref", schemaPath: "#/properties/metadata/properties/ref/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema31.properties.metadata.properties.ref, data: data12 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/metadata/ref", schemaPath: "#/properties/metadata/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.ref.type, parentSchema: schema31.properties.metadata.properties.ref, data: data12 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data7.repository !== void 0) {
          let data13 = data7.repository;
          if (typeof data13 === "string") {
            if (func3(data13) > 200) {
              const err41 = { instancePath: instancePath + "/metadata/repository", schemaPath: "#/properties/metadata/properties/repository/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.metadata.properties.repository, data: data13 };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
          } else {
            const err42 = { instancePath: instancePath + "/metadata/repository", schemaPath: "#/properties/metadata/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.repository.type, parentSchema: schema31.properties.metadata.properties.repository, data: data13 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data7.deployer !== void 0) {
          let data14 = data7.deployer;
          if (typeof data14 === "string") {
            if (func3(data14) > 200) {
              const err43 = { instancePath: instancePath + "/metadata/deployer", schemaPath: "#/properties/metadata/properties/deployer/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.metadata.properties.deployer, data: data14 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          } else {
            const err44 = { instancePath: instancePath + "/metadata/deployer", schemaPath: "#/properties/metadata/properties/deployer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.deployer.type, parentSchema: schema31.properties.metadata.properties.deployer, data: data14 };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
        if (data7.changeId !== void 0) {
          let data15 = data7.changeId;
          if (typeof data15 === "string") {
            if (func3(data15) > 200) {
              const err45 = { instancePath: instancePath + "/metadata/changeId", schemaPath: "#/properties/metadata/properties/changeId/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.metadata.properties.changeId, data: data15 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          } else {
            const err46 = { instancePath: instancePath + "/metadata/changeId", schemaPath: "#/properties/metadata/properties/changeId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.changeId.type, parentSchema: schema31.properties.metadata.properties.changeId, data: data15 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data7.runUrl !== void 0) {
          let data16 = data7.runUrl;
          if (typeof data16 === "string") {
            if (func3(data16) > 1e3) {
              const err47 = { instancePath: instancePath + "/metadata/runUrl", schemaPath: "#/properties/metadata/properties/runUrl/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema31.properties.metadata.properties.runUrl, data: data16 };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          } else {
            const err48 = { instancePath: instancePath + "/metadata/runUrl", schemaPath: "#/properties/metadata/properties/runUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.runUrl.type, parentSchema: schema31.properties.metadata.properties.runUrl, data: data16 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data7.workflow !== void 0) {
          let data17 = data7.workflow;
          if (typeof data17 === "string") {
            if (func3(data17) > 500) {
              const err49 = { instancePath: instancePath + "/metadata/workflow", schemaPath: "#/properties/metadata/properties/workflow/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema31.properties.metadata.properties.workflow, data: data17 };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          } else {
            const err50 = { instancePath: instancePath + "/metadata/workflow", schemaPath: "#/properties/metadata/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.workflow.type, parentSchema: schema31.properties.metadata.properties.workflow, data: data17 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data7.tags !== void 0) {
          let data18 = data7.tags;
          if (Array.isArray(data18)) {
            if (data18.length > 100) {
              const err51 = { instancePath: instancePath + "/metadata/tags", schemaPath: "#/properties/metadata/properties/tags/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema31.properties.metadata.properties.tags, data: data18 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            const len0 = data18.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data19 = data18[i0];
              if (typeof data19 === "string") {
                if (func3(data19) > 100) {
                  const err52 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema31.properties.metadata.properties.tags.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
                if (func3(data19) < 1) {
                  const err53 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.metadata.properties.tags.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
              } else {
                const err54 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.metadata.properties.tags.items.type, parentSchema: schema31.properties.metadata.properties.tags.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/metadata/tags", schemaPath: "#/properties/metadata/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.metadata.properties.tags.type, parentSchema: schema31.properties.metadata.properties.tags, data: data18 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.metadata.type, parentSchema: schema31.properties.metadata, data: data7 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.policyDigest !== void 0) {
      let data20 = data.policyDigest;
      const _errs47 = errors;
      let valid6 = false;
      let passing1 = null;
      const _errs48 = errors;
      if (data20 !== null) {
        const err57 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema31.properties.policyDigest.oneOf[0].type, parentSchema: schema31.properties.policyDigest.oneOf[0], data: data20 };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
      var _valid1 = _errs48 === errors;
      if (_valid1) {
        valid6 = true;
        passing1 = 0;
      }
      const _errs50 = errors;
      if (typeof data20 === "string") {
        if (!pattern6.test(data20)) {
          const err58 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema31.properties.policyDigest.oneOf[1], data: data20 };
          if (vErrors === null) {
            vErrors = [err58];
          } else {
            vErrors.push(err58);
          }
          errors++;
        }
      } else {
        const err59 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.policyDigest.oneOf[1].type, parentSchema: schema31.properties.policyDigest.oneOf[1], data: data20 };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
      var _valid1 = _errs50 === errors;
      if (_valid1 && valid6) {
        valid6 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid6 = true;
          passing1 = 1;
        }
      }
      if (!valid6) {
        const err60 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf", schema: schema31.properties.policyDigest.oneOf, parentSchema: schema31.properties.policyDigest, data: data20 };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      } else {
        errors = _errs47;
        if (vErrors !== null) {
          if (_errs47) {
            vErrors.length = _errs47;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.recipients !== void 0) {
      let data21 = data.recipients;
      if (Array.isArray(data21)) {
        if (data21.length < 1) {
          const err61 = { instancePath: instancePath + "/recipients", schemaPath: "#/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.recipients, data: data21 };
          if (vErrors === null) {
            vErrors = [err61];
          } else {
            vErrors.push(err61);
          }
          errors++;
        }
        const len1 = data21.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data22 = data21[i1];
          if (typeof data22 === "string") {
            if (!pattern7.test(data22)) {
              const err62 = { instancePath: instancePath + "/recipients/" + i1, schemaPath: "#/properties/recipients/items/pattern", keyword: "pattern", params: { pattern: "^age1[0-9a-z]{58}$" }, message: 'must match pattern "^age1[0-9a-z]{58}$"', schema: "^age1[0-9a-z]{58}$", parentSchema: schema31.properties.recipients.items, data: data22 };
              if (vErrors === null) {
                vErrors = [err62];
              } else {
                vErrors.push(err62);
              }
              errors++;
            }
          } else {
            const err63 = { instancePath: instancePath + "/recipients/" + i1, schemaPath: "#/properties/recipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.recipients.items.type, parentSchema: schema31.properties.recipients.items, data: data22 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
      } else {
        const err64 = { instancePath: instancePath + "/recipients", schemaPath: "#/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.recipients.type, parentSchema: schema31.properties.recipients, data: data21 };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      }
    }
    if (data.recipientSets !== void 0) {
      let data23 = data.recipientSets;
      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
        for (const key2 in data23) {
          const _errs58 = errors;
          if (typeof key2 === "string") {
            if (!pattern8.test(key2)) {
              const err65 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/$defs/recipientSetId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"', schema: "^[0-9a-f]{32}$", parentSchema: schema33, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          } else {
            const err66 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/$defs/recipientSetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: key2, propertyName: key2 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
          var valid9 = _errs58 === errors;
          if (!valid9) {
            const err67 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/properties/recipientSets/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema31.properties.recipientSets.propertyNames, parentSchema: schema31.properties.recipientSets, data: data23 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        for (const key3 in data23) {
          let data24 = data23[key3];
          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
            if (data24.recipients === void 0) {
              const err68 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema31.properties.recipientSets.additionalProperties.required, parentSchema: schema31.properties.recipientSets.additionalProperties, data: data24 };
              if (vErrors === null) {
                vErrors = [err68];
              } else {
                vErrors.push(err68);
              }
              errors++;
            }
            for (const key4 in data24) {
              if (!(key4 === "recipients")) {
                const err69 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.recipientSets.additionalProperties, data: data24 };
                if (vErrors === null) {
                  vErrors = [err69];
                } else {
                  vErrors.push(err69);
                }
                errors++;
              }
            }
            if (data24.recipients !== void 0) {
              let data25 = data24.recipients;
              if (Array.isArray(data25)) {
                if (data25.length < 1) {
                  const err70 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err70];
                  } else {
                    vErrors.push(err70);
                  }
                  errors++;
                }
                const len2 = data25.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  let data26 = data25[i2];
                  if (typeof data26 === "string") {
                    if (!pattern7.test(data26)) {
                      const err71 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients/" + i2, schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/items/pattern", keyword: "pattern", params: { pattern: "^age1[0-9a-z]{58}$" }, message: 'must match pattern "^age1[0-9a-z]{58}$"', schema: "^age1[0-9a-z]{58}$", parentSchema: schema31.properties.recipientSets.additionalProperties.properties.recipients.items, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err71];
                      } else {
                        vErrors.push(err71);
                      }
                      errors++;
                    }
                  } else {
                    const err72 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients/" + i2, schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.recipientSets.additionalProperties.properties.recipients.items.type, parentSchema: schema31.properties.recipientSets.additionalProperties.properties.recipients.items, data: data26 };
                    if (vErrors === null) {
                      vErrors = [err72];
                    } else {
                      vErrors.push(err72);
                    }
                    errors++;
                  }
                }
                let i3 = data25.length;
                let j0;
                if (i3 > 1) {
                  const indices0 = {};
                  for (; i3--; ) {
                    let item0 = data25[i3];
                    if (typeof item0 !== "string") {
                      continue;
                    }
                    if (typeof indices0[item0] == "number") {
                      j0 = indices0[item0];
                      const err73 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema31.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                      if (vErrors === null) {
                        vErrors = [err73];
                      } else {
                        vErrors.push(err73);
                      }
                      errors++;
                      break;
                    }
                    indices0[item0] = i3;
                  }
                }
              } else {
                const err74 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.recipientSets.additionalProperties.properties.recipients.type, parentSchema: schema31.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                if (vErrors === null) {
                  vErrors = [err74];
                } else {
                  vErrors.push(err74);
                }
                errors++;
              }
            }
          } else {
            const err75 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.recipientSets.additionalProperties.type, parentSchema: schema31.properties.recipientSets.additionalProperties, data: data24 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
      } else {
        const err76 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/properties/recipientSets/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.recipientSets.type, parentSchema: schema31.properties.recipientSets, data: data23 };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data27 = data.files;
      if (Array.isArray(data27)) {
        const len3 = data27.length;
        for (let i4 = 0; i4 < len3; i4++) {
          if (!validate21(data27[i4], { instancePath: instancePath + "/files/" + i4, parentData: data27, parentDataProperty: i4, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err77 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.files.type, parentSchema: schema31.properties.files, data: data27 };
        if (vErrors === null) {
          vErrors = [err77];
        } else {
          vErrors.push(err77);
        }
        errors++;
      }
    }
    if (data.emptyDirectories !== void 0) {
      let data29 = data.emptyDirectories;
      if (Array.isArray(data29)) {
        const len4 = data29.length;
        for (let i5 = 0; i5 < len4; i5++) {
          let data30 = data29[i5];
          if (typeof data30 === "string") {
            if (func3(data30) > 4096) {
              const err78 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.emptyDirectories.items, data: data30 };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
            if (func3(data30) < 1) {
              const err79 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.emptyDirectories.items, data: data30 };
              if (vErrors === null) {
                vErrors = [err79];
              } else {
                vErrors.push(err79);
              }
              errors++;
            }
          } else {
            const err80 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.emptyDirectories.items.type, parentSchema: schema31.properties.emptyDirectories.items, data: data30 };
            if (vErrors === null) {
              vErrors = [err80];
            } else {
              vErrors.push(err80);
            }
            errors++;
          }
        }
      } else {
        const err81 = { instancePath: instancePath + "/emptyDirectories", schemaPath: "#/properties/emptyDirectories/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.emptyDirectories.type, parentSchema: schema31.properties.emptyDirectories, data: data29 };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      }
    }
    if (data.consistency !== void 0) {
      let data31 = data.consistency;
      if (Array.isArray(data31)) {
        const len5 = data31.length;
        for (let i6 = 0; i6 < len5; i6++) {
          let data32 = data31[i6];
          if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
            if (data32.name === void 0) {
              const err82 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema31.properties.consistency.items.required, parentSchema: schema31.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err82];
              } else {
                vErrors.push(err82);
              }
              errors++;
            }
            if (data32.ok === void 0) {
              const err83 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema31.properties.consistency.items.required, parentSchema: schema31.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err83];
              } else {
                vErrors.push(err83);
              }
              errors++;
            }
            if (data32.message === void 0) {
              const err84 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema31.properties.consistency.items.required, parentSchema: schema31.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
            for (const key5 in data32) {
              if (!(key5 === "name" || key5 === "ok" || key5 === "message")) {
                const err85 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.consistency.items, data: data32 };
                if (vErrors === null) {
                  vErrors = [err85];
                } else {
                  vErrors.push(err85);
                }
                errors++;
              }
            }
            if (data32.name !== void 0) {
              let data33 = data32.name;
              if (typeof data33 !== "string") {
                const err86 = { instancePath: instancePath + "/consistency/" + i6 + "/name", schemaPath: "#/properties/consistency/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.consistency.items.properties.name.type, parentSchema: schema31.properties.consistency.items.properties.name, data: data33 };
                if (vErrors === null) {
                  vErrors = [err86];
                } else {
                  vErrors.push(err86);
                }
                errors++;
              }
            }
            if (data32.ok !== void 0) {
              let data34 = data32.ok;
              if (typeof data34 !== "boolean") {
                const err87 = { instancePath: instancePath + "/consistency/" + i6 + "/ok", schemaPath: "#/properties/consistency/items/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.consistency.items.properties.ok.type, parentSchema: schema31.properties.consistency.items.properties.ok, data: data34 };
                if (vErrors === null) {
                  vErrors = [err87];
                } else {
                  vErrors.push(err87);
                }
                errors++;
              }
            }
            if (data32.message !== void 0) {
              let data35 = data32.message;
              if (typeof data35 !== "string") {
                const err88 = { instancePath: instancePath + "/consistency/" + i6 + "/message", schemaPath: "#/properties/consistency/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.consistency.items.properties.message.type, parentSchema: schema31.properties.consistency.items.properties.message, data: data35 };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
          } else {
            const err89 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.consistency.items.type, parentSchema: schema31.properties.consistency.items, data: data32 };
            if (vErrors === null) {
              vErrors = [err89];
            } else {
              vErrors.push(err89);
            }
            errors++;
          }
        }
      } else {
        const err90 = { instancePath: instancePath + "/consistency", schemaPath: "#/properties/consistency/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.consistency.type, parentSchema: schema31.properties.consistency, data: data31 };
        if (vErrors === null) {
          vErrors = [err90];
        } else {
          vErrors.push(err90);
        }
        errors++;
      }
    }
    if (data.coverage !== void 0) {
      let data36 = data.coverage;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        if (data36.uncoveredTier0Paths === void 0) {
          const err91 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "uncoveredTier0Paths" }, message: "must have required property 'uncoveredTier0Paths'", schema: schema31.properties.coverage.required, parentSchema: schema31.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err91];
          } else {
            vErrors.push(err91);
          }
          errors++;
        }
        if (data36.missingComponents === void 0) {
          const err92 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "missingComponents" }, message: "must have required property 'missingComponents'", schema: schema31.properties.coverage.required, parentSchema: schema31.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err92];
          } else {
            vErrors.push(err92);
          }
          errors++;
        }
        if (data36.secretsOutsideComponents === void 0) {
          const err93 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "secretsOutsideComponents" }, message: "must have required property 'secretsOutsideComponents'", schema: schema31.properties.coverage.required, parentSchema: schema31.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err93];
          } else {
            vErrors.push(err93);
          }
          errors++;
        }
        for (const key6 in data36) {
          if (!(key6 === "uncoveredTier0Paths" || key6 === "missingComponents" || key6 === "secretsOutsideComponents")) {
            const err94 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.coverage, data: data36 };
            if (vErrors === null) {
              vErrors = [err94];
            } else {
              vErrors.push(err94);
            }
            errors++;
          }
        }
        if (data36.uncoveredTier0Paths !== void 0) {
          let data37 = data36.uncoveredTier0Paths;
          if (Array.isArray(data37)) {
            const len6 = data37.length;
            for (let i7 = 0; i7 < len6; i7++) {
              let data38 = data37[i7];
              if (typeof data38 === "string") {
                if (func3(data38) > 4096) {
                  const err95 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err95];
                  } else {
                    vErrors.push(err95);
                  }
                  errors++;
                }
                if (func3(data38) < 1) {
                  const err96 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err96];
                  } else {
                    vErrors.push(err96);
                  }
                  errors++;
                }
              } else {
                const err97 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.coverage.properties.uncoveredTier0Paths.items.type, parentSchema: schema31.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                if (vErrors === null) {
                  vErrors = [err97];
                } else {
                  vErrors.push(err97);
                }
                errors++;
              }
            }
          } else {
            const err98 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths", schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.coverage.properties.uncoveredTier0Paths.type, parentSchema: schema31.properties.coverage.properties.uncoveredTier0Paths, data: data37 };
            if (vErrors === null) {
              vErrors = [err98];
            } else {
              vErrors.push(err98);
            }
            errors++;
          }
        }
        if (data36.missingComponents !== void 0) {
          let data39 = data36.missingComponents;
          if (Array.isArray(data39)) {
            const len7 = data39.length;
            for (let i8 = 0; i8 < len7; i8++) {
              let data40 = data39[i8];
              if (typeof data40 === "string") {
                if (func3(data40) > 200) {
                  const err99 = { instancePath: instancePath + "/coverage/missingComponents/" + i8, schemaPath: "#/properties/coverage/properties/missingComponents/items/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema31.properties.coverage.properties.missingComponents.items, data: data40 };
                  if (vErrors === null) {
                    vErrors = [err99];
                  } else {
                    vErrors.push(err99);
                  }
                  errors++;
                }
              } else {
                const err100 = { instancePath: instancePath + "/coverage/missingComponents/" + i8, schemaPath: "#/properties/coverage/properties/missingComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.coverage.properties.missingComponents.items.type, parentSchema: schema31.properties.coverage.properties.missingComponents.items, data: data40 };
                if (vErrors === null) {
                  vErrors = [err100];
                } else {
                  vErrors.push(err100);
                }
                errors++;
              }
            }
          } else {
            const err101 = { instancePath: instancePath + "/coverage/missingComponents", schemaPath: "#/properties/coverage/properties/missingComponents/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.coverage.properties.missingComponents.type, parentSchema: schema31.properties.coverage.properties.missingComponents, data: data39 };
            if (vErrors === null) {
              vErrors = [err101];
            } else {
              vErrors.push(err101);
            }
            errors++;
          }
        }
        if (data36.secretsOutsideComponents !== void 0) {
          let data41 = data36.secretsOutsideComponents;
          if (Array.isArray(data41)) {
            const len8 = data41.length;
            for (let i9 = 0; i9 < len8; i9++) {
              let data42 = data41[i9];
              if (typeof data42 === "string") {
                if (func3(data42) > 4096) {
                  const err102 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err102];
                  } else {
                    vErrors.push(err102);
                  }
                  errors++;
                }
                if (func3(data42) < 1) {
                  const err103 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err103];
                  } else {
                    vErrors.push(err103);
                  }
                  errors++;
                }
              } else {
                const err104 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.coverage.properties.secretsOutsideComponents.items.type, parentSchema: schema31.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                if (vErrors === null) {
                  vErrors = [err104];
                } else {
                  vErrors.push(err104);
                }
                errors++;
              }
            }
          } else {
            const err105 = { instancePath: instancePath + "/coverage/secretsOutsideComponents", schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.coverage.properties.secretsOutsideComponents.type, parentSchema: schema31.properties.coverage.properties.secretsOutsideComponents, data: data41 };
            if (vErrors === null) {
              vErrors = [err105];
            } else {
              vErrors.push(err105);
            }
            errors++;
          }
        }
      } else {
        const err106 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.coverage.type, parentSchema: schema31.properties.coverage, data: data36 };
        if (vErrors === null) {
          vErrors = [err106];
        } else {
          vErrors.push(err106);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data43 = data.signature;
      if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
        if (data43.alg === void 0) {
          const err107 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err107];
          } else {
            vErrors.push(err107);
          }
          errors++;
        }
        if (data43.key === void 0) {
          const err108 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err108];
          } else {
            vErrors.push(err108);
          }
          errors++;
        }
        if (data43.value === void 0) {
          const err109 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err109];
          } else {
            vErrors.push(err109);
          }
          errors++;
        }
        for (const key7 in data43) {
          if (!(key7 === "alg" || key7 === "key" || key7 === "value")) {
            const err110 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.signature, data: data43 };
            if (vErrors === null) {
              vErrors = [err110];
            } else {
              vErrors.push(err110);
            }
            errors++;
          }
        }
        if (data43.alg !== void 0) {
          let data44 = data43.alg;
          if ("ed25519" !== data44) {
            const err111 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema31.properties.signature.properties.alg, data: data44 };
            if (vErrors === null) {
              vErrors = [err111];
            } else {
              vErrors.push(err111);
            }
            errors++;
          }
        }
        if (data43.key !== void 0) {
          let data45 = data43.key;
          if (typeof data45 === "string") {
            if (!pattern13.test(data45)) {
              const err112 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sgw1[0-9a-z]{58}$" }, message: 'must match pattern "^sgw1[0-9a-z]{58}$"', schema: "^sgw1[0-9a-z]{58}$", parentSchema: schema31.properties.signature.properties.key, data: data45 };
              if (vErrors === null) {
                vErrors = [err112];
              } else {
                vErrors.push(err112);
              }
              errors++;
            }
          } else {
            const err113 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.signature.properties.key.type, parentSchema: schema31.properties.signature.properties.key, data: data45 };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
        if (data43.value !== void 0) {
          let data46 = data43.value;
          if (typeof data46 === "string") {
            if (!pattern14.test(data46)) {
              const err114 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{86}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{86}==$"', schema: "^[A-Za-z0-9+/]{86}==$", parentSchema: schema31.properties.signature.properties.value, data: data46 };
              if (vErrors === null) {
                vErrors = [err114];
              } else {
                vErrors.push(err114);
              }
              errors++;
            }
          } else {
            const err115 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.signature.properties.value.type, parentSchema: schema31.properties.signature.properties.value, data: data46 };
            if (vErrors === null) {
              vErrors = [err115];
            } else {
              vErrors.push(err115);
            }
            errors++;
          }
        }
      } else {
        const err116 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.signature.type, parentSchema: schema31.properties.signature, data: data43 };
        if (vErrors === null) {
          vErrors = [err116];
        } else {
          vErrors.push(err116);
        }
        errors++;
      }
    }
  } else {
    const err117 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err117];
    } else {
      vErrors.push(err117);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/generated/manifest-root-validator.ts
var import_ucs2length2 = __toESM(require_ucs2length(), 1);
var import_formats2 = __toESM(require_formats(), 1);
var manifest_root_validator_default = validate202;
var schema312 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/manifest-root.schema.json", "title": "Snapgate snapshot manifest root (snapgate.manifest/v2)", "description": "One snapshot of one stream (environment), signed with the writer key and hash-chained to the previous manifest of the stream. Instead of listing files it names, in order, the content-addressed nodes (nodes/<id[0:2]>/<id>.json, id = sha256 of the node file) whose files are the snapshot's; the signature covers those ids, so it covers every file. Paths, sizes and metadata are readable by anyone who can read the store; contents are not (ADR 1101).", "type": "object", "additionalProperties": false, "required": ["format", "stream", "seq", "prev", "phase", "time", "writtenAt", "metadata", "policyDigest", "recipients", "nodes", "signature"], "properties": { "format": { "const": "snapgate.manifest/v2" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "prev": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/sha256" }] }, "phase": { "enum": ["pre", "post", "scheduled", "manual"] }, "time": { "type": "string", "format": "date-time" }, "writtenAt": { "type": "string", "format": "date-time" }, "metadata": { "type": "object", "additionalProperties": false, "required": ["environment", "tags"], "properties": { "environment": { "type": "string", "minLength": 1, "maxLength": 63 }, "application": { "type": "string", "maxLength": 200 }, "appVersion": { "type": "string", "maxLength": 200 }, "commit": { "type": "string", "maxLength": 200 }, "ref": { "type": "string", "maxLength": 500 }, "repository": { "type": "string", "maxLength": 200 }, "deployer": { "type": "string", "maxLength": 200 }, "changeId": { "type": "string", "maxLength": 200 }, "runUrl": { "type": "string", "maxLength": 1e3 }, "workflow": { "type": "string", "maxLength": 500 }, "tags": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 100 }, "maxItems": 100 } } }, "policyDigest": { "oneOf": [{ "type": "null" }, { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }] }, "recipients": { "type": "array", "minItems": 1, "items": { "type": "string", "pattern": "^age1[0-9a-z]{58}$" } }, "recipientSets": { "description": "The recipient sets the blobs are sealed to, by id (the first 32 hex digits of sha256 over 'snapgate.recipient-set/v1', a newline and the sorted recipients joined by newlines). Absent in manifests written before blobs named their recipient set: then who can open each blob is unknown.", "type": "object", "propertyNames": { "$ref": "#/$defs/recipientSetId" }, "additionalProperties": { "type": "object", "additionalProperties": false, "required": ["recipients"], "properties": { "recipients": { "type": "array", "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": "^age1[0-9a-z]{58}$" } } } } }, "nodes": { "description": "The ids of the nodes holding the snapshot's file entries, in path order: the concatenation of their files is the snapshot's file list.", "type": "array", "items": { "$ref": "#/$defs/sha256" } }, "emptyDirectories": { "description": "Directories that held nothing when the snapshot was taken, relative like file paths, so that a restore makes them too. Optional: absent in older manifests and when there is none.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } }, "consistency": { "type": "array", "items": { "type": "object", "additionalProperties": false, "required": ["name", "ok", "message"], "properties": { "name": { "type": "string" }, "ok": { "type": "boolean" }, "message": { "type": "string" } } } }, "coverage": { "description": "Coverage under the policy when the snapshot was taken (absent without a policy): what the gate's coverage condition reads.", "type": "object", "additionalProperties": false, "required": ["uncoveredTier0Paths", "missingComponents", "secretsOutsideComponents"], "properties": { "uncoveredTier0Paths": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } }, "missingComponents": { "type": "array", "items": { "type": "string", "maxLength": 200 } }, "secretsOutsideComponents": { "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 4096 } } } }, "signature": { "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sgw1[0-9a-z]{58}$" }, "value": { "type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$" } } } }, "$defs": { "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "recipientSetId": { "type": "string", "pattern": "^[0-9a-f]{32}$" } } };
var schema322 = { "type": "string", "pattern": "^[0-9a-f]{64}$" };
var schema332 = { "type": "string", "pattern": "^[0-9a-f]{32}$" };
var func12 = Object.prototype.hasOwnProperty;
var func32 = import_ucs2length2.default.default;
var pattern42 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern52 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern62 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern72 = new RegExp("^age1[0-9a-z]{58}$", "u");
var pattern82 = new RegExp("^[0-9a-f]{32}$", "u");
var pattern11 = new RegExp("^sgw1[0-9a-z]{58}$", "u");
var pattern12 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
var formats02 = import_formats2.default.fullFormats["date-time"];
function validate202(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate202.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.stream === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.seq === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "seq" }, message: "must have required property 'seq'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.prev === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "prev" }, message: "must have required property 'prev'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.phase === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "phase" }, message: "must have required property 'phase'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.writtenAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "writtenAt" }, message: "must have required property 'writtenAt'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.metadata === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "metadata" }, message: "must have required property 'metadata'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.policyDigest === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.recipients === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err9];
      } else {
        vErrors.push(err9);
      }
      errors++;
    }
    if (data.nodes === void 0) {
      const err10 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "nodes" }, message: "must have required property 'nodes'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err10];
      } else {
        vErrors.push(err10);
      }
      errors++;
    }
    if (data.signature === void 0) {
      const err11 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "signature" }, message: "must have required property 'signature'", schema: schema312.required, parentSchema: schema312, data };
      if (vErrors === null) {
        vErrors = [err11];
      } else {
        vErrors.push(err11);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func12.call(schema312.properties, key0)) {
        const err12 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312, data };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data0 = data.format;
      if ("snapgate.manifest/v2" !== data0) {
        const err13 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.manifest/v2" }, message: "must be equal to constant", schema: "snapgate.manifest/v2", parentSchema: schema312.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data1 = data.stream;
      if (typeof data1 === "string") {
        if (!pattern42.test(data1)) {
          const err14 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema312.properties.stream, data: data1 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.stream.type, parentSchema: schema312.properties.stream, data: data1 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data2 = data.seq;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err16 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema312.properties.seq.type, parentSchema: schema312.properties.seq, data: data2 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 < 1 || isNaN(data2)) {
          const err17 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema312.properties.seq, data: data2 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.prev !== void 0) {
      let data3 = data.prev;
      const _errs8 = errors;
      let valid1 = false;
      let passing0 = null;
      const _errs9 = errors;
      if (data3 !== null) {
        const err18 = { instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema312.properties.prev.oneOf[0].type, parentSchema: schema312.properties.prev.oneOf[0], data: data3 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
      var _valid0 = _errs9 === errors;
      if (_valid0) {
        valid1 = true;
        passing0 = 0;
      }
      const _errs11 = errors;
      if (typeof data3 === "string") {
        if (!pattern52.test(data3)) {
          const err19 = { instancePath: instancePath + "/prev", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema322, data: data3 };
          if (vErrors === null) {
            vErrors = [err19];
          } else {
            vErrors.push(err19);
          }
          errors++;
        }
      } else {
        const err20 = { instancePath: instancePath + "/prev", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema322.type, parentSchema: schema322, data: data3 };
        if (vErrors === null) {
          vErrors = [err20];
        } else {
          vErrors.push(err20);
        }
        errors++;
      }
      var _valid0 = _errs11 === errors;
      if (_valid0 && valid1) {
        valid1 = false;
        passing0 = [passing0, 1];
      } else {
        if (_valid0) {
          valid1 = true;
          passing0 = 1;
        }
      }
      if (!valid1) {
        const err21 = { instancePath: instancePath + "/prev", schemaPath: "#/properties/prev/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema312.properties.prev.oneOf, parentSchema: schema312.properties.prev, data: data3 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      } else {
        errors = _errs8;
        if (vErrors !== null) {
          if (_errs8) {
            vErrors.length = _errs8;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.phase !== void 0) {
      let data4 = data.phase;
      if (!(data4 === "pre" || data4 === "post" || data4 === "scheduled" || data4 === "manual")) {
        const err22 = { instancePath: instancePath + "/phase", schemaPath: "#/properties/phase/enum", keyword: "enum", params: { allowedValues: schema312.properties.phase.enum }, message: "must be equal to one of the allowed values", schema: schema312.properties.phase.enum, parentSchema: schema312.properties.phase, data: data4 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data5 = data.time;
      if (typeof data5 === "string") {
        if (!formats02.validate(data5)) {
          const err23 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema312.properties.time, data: data5 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      } else {
        const err24 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.time.type, parentSchema: schema312.properties.time, data: data5 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
    }
    if (data.writtenAt !== void 0) {
      let data6 = data.writtenAt;
      if (typeof data6 === "string") {
        if (!formats02.validate(data6)) {
          const err25 = { instancePath: instancePath + "/writtenAt", schemaPath: "#/properties/writtenAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema312.properties.writtenAt, data: data6 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      } else {
        const err26 = { instancePath: instancePath + "/writtenAt", schemaPath: "#/properties/writtenAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.writtenAt.type, parentSchema: schema312.properties.writtenAt, data: data6 };
        if (vErrors === null) {
          vErrors = [err26];
        } else {
          vErrors.push(err26);
        }
        errors++;
      }
    }
    if (data.metadata !== void 0) {
      let data7 = data.metadata;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        if (data7.environment === void 0) {
          const err27 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema312.properties.metadata.required, parentSchema: schema312.properties.metadata, data: data7 };
          if (vErrors === null) {
            vErrors = [err27];
          } else {
            vErrors.push(err27);
          }
          errors++;
        }
        if (data7.tags === void 0) {
          const err28 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/required", keyword: "required", params: { missingProperty: "tags" }, message: "must have required property 'tags'", schema: schema312.properties.metadata.required, parentSchema: schema312.properties.metadata, data: data7 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
        for (const key1 in data7) {
          if (!func12.call(schema312.properties.metadata.properties, key1)) {
            const err29 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.metadata, data: data7 };
            if (vErrors === null) {
              vErrors = [err29];
            } else {
              vErrors.push(err29);
            }
            errors++;
          }
        }
        if (data7.environment !== void 0) {
          let data8 = data7.environment;
          if (typeof data8 === "string") {
            if (func32(data8) > 63) {
              const err30 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/maxLength", keyword: "maxLength", params: { limit: 63 }, message: "must NOT have more than 63 characters", schema: 63, parentSchema: schema312.properties.metadata.properties.environment, data: data8 };
              if (vErrors === null) {
                vErrors = [err30];
              } else {
                vErrors.push(err30);
              }
              errors++;
            }
            if (func32(data8) < 1) {
              const err31 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.metadata.properties.environment, data: data8 };
              if (vErrors === null) {
                vErrors = [err31];
              } else {
                vErrors.push(err31);
              }
              errors++;
            }
          } else {
            const err32 = { instancePath: instancePath + "/metadata/environment", schemaPath: "#/properties/metadata/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.environment.type, parentSchema: schema312.properties.metadata.properties.environment, data: data8 };
            if (vErrors === null) {
              vErrors = [err32];
            } else {
              vErrors.push(err32);
            }
            errors++;
          }
        }
        if (data7.application !== void 0) {
          let data9 = data7.application;
          if (typeof data9 === "string") {
            if (func32(data9) > 200) {
              const err33 = { instancePath: instancePath + "/metadata/application", schemaPath: "#/properties/metadata/properties/application/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.application, data: data9 };
              if (vErrors === null) {
                vErrors = [err33];
              } else {
                vErrors.push(err33);
              }
              errors++;
            }
          } else {
            const err34 = { instancePath: instancePath + "/metadata/application", schemaPath: "#/properties/metadata/properties/application/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.application.type, parentSchema: schema312.properties.metadata.properties.application, data: data9 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          }
        }
        if (data7.appVersion !== void 0) {
          let data10 = data7.appVersion;
          if (typeof data10 === "string") {
            if (func32(data10) > 200) {
              const err35 = { instancePath: instancePath + "/metadata/appVersion", schemaPath: "#/properties/metadata/properties/appVersion/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.appVersion, data: data10 };
              if (vErrors === null) {
                vErrors = [err35];
              } else {
                vErrors.push(err35);
              }
              errors++;
            }
          } else {
            const err36 = { instancePath: instancePath + "/metadata/appVersion", schemaPath: "#/properties/metadata/properties/appVersion/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.appVersion.type, parentSchema: schema312.properties.metadata.properties.appVersion, data: data10 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
        if (data7.commit !== void 0) {
          let data11 = data7.commit;
          if (typeof data11 === "string") {
            if (func32(data11) > 200) {
              const err37 = { instancePath: instancePath + "/metadata/commit", schemaPath: "#/properties/metadata/properties/commit/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.commit, data: data11 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          } else {
            const err38 = { instancePath: instancePath + "/metadata/commit", schemaPath: "#/properties/metadata/properties/commit/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.commit.type, parentSchema: schema312.properties.metadata.properties.commit, data: data11 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
        }
        if (data7.ref !== void 0) {
          let data12 = data7.ref;
          if (typeof data12 === "string") {
            if (func32(data12) > 500) {
              const err39 = { instancePath: instancePath + "/metadata/ref", schemaPath: "#/properties/metadata/properties/ref/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema312.properties.metadata.properties.ref, data: data12 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          } else {
            const err40 = { instancePath: instancePath + "/metadata/ref", schemaPath: "#/properties/metadata/properties/ref/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.ref.type, parentSchema: schema312.properties.metadata.properties.ref, data: data12 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data7.repository !== void 0) {
          let data13 = data7.repository;
          if (typeof data13 === "string") {
            if (func32(data13) > 200) {
              const err41 = { instancePath: instancePath + "/metadata/repository", schemaPath: "#/properties/metadata/properties/repository/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.repository, data: data13 };
              if (vErrors === null) {
                vErrors = [err41];
              } else {
                vErrors.push(err41);
              }
              errors++;
            }
          } else {
            const err42 = { instancePath: instancePath + "/metadata/repository", schemaPath: "#/properties/metadata/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.repository.type, parentSchema: schema312.properties.metadata.properties.repository, data: data13 };
            if (vErrors === null) {
              vErrors = [err42];
            } else {
              vErrors.push(err42);
            }
            errors++;
          }
        }
        if (data7.deployer !== void 0) {
          let data14 = data7.deployer;
          if (typeof data14 === "string") {
            if (func32(data14) > 200) {
              const err43 = { instancePath: instancePath + "/metadata/deployer", schemaPath: "#/properties/metadata/properties/deployer/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.deployer, data: data14 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          } else {
            const err44 = { instancePath: instancePath + "/metadata/deployer", schemaPath: "#/properties/metadata/properties/deployer/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.deployer.type, parentSchema: schema312.properties.metadata.properties.deployer, data: data14 };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
        if (data7.changeId !== void 0) {
          let data15 = data7.changeId;
          if (typeof data15 === "string") {
            if (func32(data15) > 200) {
              const err45 = { instancePath: instancePath + "/metadata/changeId", schemaPath: "#/properties/metadata/properties/changeId/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.metadata.properties.changeId, data: data15 };
              if (vErrors === null) {
                vErrors = [err45];
              } else {
                vErrors.push(err45);
              }
              errors++;
            }
          } else {
            const err46 = { instancePath: instancePath + "/metadata/changeId", schemaPath: "#/properties/metadata/properties/changeId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.changeId.type, parentSchema: schema312.properties.metadata.properties.changeId, data: data15 };
            if (vErrors === null) {
              vErrors = [err46];
            } else {
              vErrors.push(err46);
            }
            errors++;
          }
        }
        if (data7.runUrl !== void 0) {
          let data16 = data7.runUrl;
          if (typeof data16 === "string") {
            if (func32(data16) > 1e3) {
              const err47 = { instancePath: instancePath + "/metadata/runUrl", schemaPath: "#/properties/metadata/properties/runUrl/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema312.properties.metadata.properties.runUrl, data: data16 };
              if (vErrors === null) {
                vErrors = [err47];
              } else {
                vErrors.push(err47);
              }
              errors++;
            }
          } else {
            const err48 = { instancePath: instancePath + "/metadata/runUrl", schemaPath: "#/properties/metadata/properties/runUrl/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.runUrl.type, parentSchema: schema312.properties.metadata.properties.runUrl, data: data16 };
            if (vErrors === null) {
              vErrors = [err48];
            } else {
              vErrors.push(err48);
            }
            errors++;
          }
        }
        if (data7.workflow !== void 0) {
          let data17 = data7.workflow;
          if (typeof data17 === "string") {
            if (func32(data17) > 500) {
              const err49 = { instancePath: instancePath + "/metadata/workflow", schemaPath: "#/properties/metadata/properties/workflow/maxLength", keyword: "maxLength", params: { limit: 500 }, message: "must NOT have more than 500 characters", schema: 500, parentSchema: schema312.properties.metadata.properties.workflow, data: data17 };
              if (vErrors === null) {
                vErrors = [err49];
              } else {
                vErrors.push(err49);
              }
              errors++;
            }
          } else {
            const err50 = { instancePath: instancePath + "/metadata/workflow", schemaPath: "#/properties/metadata/properties/workflow/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.workflow.type, parentSchema: schema312.properties.metadata.properties.workflow, data: data17 };
            if (vErrors === null) {
              vErrors = [err50];
            } else {
              vErrors.push(err50);
            }
            errors++;
          }
        }
        if (data7.tags !== void 0) {
          let data18 = data7.tags;
          if (Array.isArray(data18)) {
            if (data18.length > 100) {
              const err51 = { instancePath: instancePath + "/metadata/tags", schemaPath: "#/properties/metadata/properties/tags/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema312.properties.metadata.properties.tags, data: data18 };
              if (vErrors === null) {
                vErrors = [err51];
              } else {
                vErrors.push(err51);
              }
              errors++;
            }
            const len0 = data18.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data19 = data18[i0];
              if (typeof data19 === "string") {
                if (func32(data19) > 100) {
                  const err52 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema312.properties.metadata.properties.tags.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err52];
                  } else {
                    vErrors.push(err52);
                  }
                  errors++;
                }
                if (func32(data19) < 1) {
                  const err53 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.metadata.properties.tags.items, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err53];
                  } else {
                    vErrors.push(err53);
                  }
                  errors++;
                }
              } else {
                const err54 = { instancePath: instancePath + "/metadata/tags/" + i0, schemaPath: "#/properties/metadata/properties/tags/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.metadata.properties.tags.items.type, parentSchema: schema312.properties.metadata.properties.tags.items, data: data19 };
                if (vErrors === null) {
                  vErrors = [err54];
                } else {
                  vErrors.push(err54);
                }
                errors++;
              }
            }
          } else {
            const err55 = { instancePath: instancePath + "/metadata/tags", schemaPath: "#/properties/metadata/properties/tags/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.metadata.properties.tags.type, parentSchema: schema312.properties.metadata.properties.tags, data: data18 };
            if (vErrors === null) {
              vErrors = [err55];
            } else {
              vErrors.push(err55);
            }
            errors++;
          }
        }
      } else {
        const err56 = { instancePath: instancePath + "/metadata", schemaPath: "#/properties/metadata/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.metadata.type, parentSchema: schema312.properties.metadata, data: data7 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.policyDigest !== void 0) {
      let data20 = data.policyDigest;
      const _errs47 = errors;
      let valid6 = false;
      let passing1 = null;
      const _errs48 = errors;
      if (data20 !== null) {
        const err57 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema312.properties.policyDigest.oneOf[0].type, parentSchema: schema312.properties.policyDigest.oneOf[0], data: data20 };
        if (vErrors === null) {
          vErrors = [err57];
        } else {
          vErrors.push(err57);
        }
        errors++;
      }
      var _valid1 = _errs48 === errors;
      if (_valid1) {
        valid6 = true;
        passing1 = 0;
      }
      const _errs50 = errors;
      if (typeof data20 === "string") {
        if (!pattern62.test(data20)) {
          const err58 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema312.properties.policyDigest.oneOf[1], data: data20 };
          if (vErrors === null) {
            vErrors = [err58];
          } else {
            vErrors.push(err58);
          }
          errors++;
        }
      } else {
        const err59 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.policyDigest.oneOf[1].type, parentSchema: schema312.properties.policyDigest.oneOf[1], data: data20 };
        if (vErrors === null) {
          vErrors = [err59];
        } else {
          vErrors.push(err59);
        }
        errors++;
      }
      var _valid1 = _errs50 === errors;
      if (_valid1 && valid6) {
        valid6 = false;
        passing1 = [passing1, 1];
      } else {
        if (_valid1) {
          valid6 = true;
          passing1 = 1;
        }
      }
      if (!valid6) {
        const err60 = { instancePath: instancePath + "/policyDigest", schemaPath: "#/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing1 }, message: "must match exactly one schema in oneOf", schema: schema312.properties.policyDigest.oneOf, parentSchema: schema312.properties.policyDigest, data: data20 };
        if (vErrors === null) {
          vErrors = [err60];
        } else {
          vErrors.push(err60);
        }
        errors++;
      } else {
        errors = _errs47;
        if (vErrors !== null) {
          if (_errs47) {
            vErrors.length = _errs47;
          } else {
            vErrors = null;
          }
        }
      }
    }
    if (data.recipients !== void 0) {
      let data21 = data.recipients;
      if (Array.isArray(data21)) {
        if (data21.length < 1) {
          const err61 = { instancePath: instancePath + "/recipients", schemaPath: "#/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema312.properties.recipients, data: data21 };
          if (vErrors === null) {
            vErrors = [err61];
          } else {
            vErrors.push(err61);
          }
          errors++;
        }
        const len1 = data21.length;
        for (let i1 = 0; i1 < len1; i1++) {
          let data22 = data21[i1];
          if (typeof data22 === "string") {
            if (!pattern72.test(data22)) {
              const err62 = { instancePath: instancePath + "/recipients/" + i1, schemaPath: "#/properties/recipients/items/pattern", keyword: "pattern", params: { pattern: "^age1[0-9a-z]{58}$" }, message: 'must match pattern "^age1[0-9a-z]{58}$"', schema: "^age1[0-9a-z]{58}$", parentSchema: schema312.properties.recipients.items, data: data22 };
              if (vErrors === null) {
                vErrors = [err62];
              } else {
                vErrors.push(err62);
              }
              errors++;
            }
          } else {
            const err63 = { instancePath: instancePath + "/recipients/" + i1, schemaPath: "#/properties/recipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.recipients.items.type, parentSchema: schema312.properties.recipients.items, data: data22 };
            if (vErrors === null) {
              vErrors = [err63];
            } else {
              vErrors.push(err63);
            }
            errors++;
          }
        }
      } else {
        const err64 = { instancePath: instancePath + "/recipients", schemaPath: "#/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.recipients.type, parentSchema: schema312.properties.recipients, data: data21 };
        if (vErrors === null) {
          vErrors = [err64];
        } else {
          vErrors.push(err64);
        }
        errors++;
      }
    }
    if (data.recipientSets !== void 0) {
      let data23 = data.recipientSets;
      if (data23 && typeof data23 == "object" && !Array.isArray(data23)) {
        for (const key2 in data23) {
          const _errs58 = errors;
          if (typeof key2 === "string") {
            if (!pattern82.test(key2)) {
              const err65 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/$defs/recipientSetId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"', schema: "^[0-9a-f]{32}$", parentSchema: schema332, data: key2, propertyName: key2 };
              if (vErrors === null) {
                vErrors = [err65];
              } else {
                vErrors.push(err65);
              }
              errors++;
            }
          } else {
            const err66 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/$defs/recipientSetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema332.type, parentSchema: schema332, data: key2, propertyName: key2 };
            if (vErrors === null) {
              vErrors = [err66];
            } else {
              vErrors.push(err66);
            }
            errors++;
          }
          var valid9 = _errs58 === errors;
          if (!valid9) {
            const err67 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/properties/recipientSets/propertyNames", keyword: "propertyNames", params: { propertyName: key2 }, message: "property name must be valid", schema: schema312.properties.recipientSets.propertyNames, parentSchema: schema312.properties.recipientSets, data: data23 };
            if (vErrors === null) {
              vErrors = [err67];
            } else {
              vErrors.push(err67);
            }
            errors++;
          }
        }
        for (const key3 in data23) {
          let data24 = data23[key3];
          if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
            if (data24.recipients === void 0) {
              const err68 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/required", keyword: "required", params: { missingProperty: "recipients" }, message: "must have required property 'recipients'", schema: schema312.properties.recipientSets.additionalProperties.required, parentSchema: schema312.properties.recipientSets.additionalProperties, data: data24 };
              if (vErrors === null) {
                vErrors = [err68];
              } else {
                vErrors.push(err68);
              }
              errors++;
            }
            for (const key4 in data24) {
              if (!(key4 === "recipients")) {
                const err69 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.recipientSets.additionalProperties, data: data24 };
                if (vErrors === null) {
                  vErrors = [err69];
                } else {
                  vErrors.push(err69);
                }
                errors++;
              }
            }
            if (data24.recipients !== void 0) {
              let data25 = data24.recipients;
              if (Array.isArray(data25)) {
                if (data25.length < 1) {
                  const err70 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                  if (vErrors === null) {
                    vErrors = [err70];
                  } else {
                    vErrors.push(err70);
                  }
                  errors++;
                }
                const len2 = data25.length;
                for (let i2 = 0; i2 < len2; i2++) {
                  let data26 = data25[i2];
                  if (typeof data26 === "string") {
                    if (!pattern72.test(data26)) {
                      const err71 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients/" + i2, schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/items/pattern", keyword: "pattern", params: { pattern: "^age1[0-9a-z]{58}$" }, message: 'must match pattern "^age1[0-9a-z]{58}$"', schema: "^age1[0-9a-z]{58}$", parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients.items, data: data26 };
                      if (vErrors === null) {
                        vErrors = [err71];
                      } else {
                        vErrors.push(err71);
                      }
                      errors++;
                    }
                  } else {
                    const err72 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients/" + i2, schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.recipientSets.additionalProperties.properties.recipients.items.type, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients.items, data: data26 };
                    if (vErrors === null) {
                      vErrors = [err72];
                    } else {
                      vErrors.push(err72);
                    }
                    errors++;
                  }
                }
                let i3 = data25.length;
                let j0;
                if (i3 > 1) {
                  const indices0 = {};
                  for (; i3--; ) {
                    let item0 = data25[i3];
                    if (typeof item0 !== "string") {
                      continue;
                    }
                    if (typeof indices0[item0] == "number") {
                      j0 = indices0[item0];
                      const err73 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/uniqueItems", keyword: "uniqueItems", params: { i: i3, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i3 + " are identical)", schema: true, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                      if (vErrors === null) {
                        vErrors = [err73];
                      } else {
                        vErrors.push(err73);
                      }
                      errors++;
                      break;
                    }
                    indices0[item0] = i3;
                  }
                }
              } else {
                const err74 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1") + "/recipients", schemaPath: "#/properties/recipientSets/additionalProperties/properties/recipients/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.recipientSets.additionalProperties.properties.recipients.type, parentSchema: schema312.properties.recipientSets.additionalProperties.properties.recipients, data: data25 };
                if (vErrors === null) {
                  vErrors = [err74];
                } else {
                  vErrors.push(err74);
                }
                errors++;
              }
            }
          } else {
            const err75 = { instancePath: instancePath + "/recipientSets/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/recipientSets/additionalProperties/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.recipientSets.additionalProperties.type, parentSchema: schema312.properties.recipientSets.additionalProperties, data: data24 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
      } else {
        const err76 = { instancePath: instancePath + "/recipientSets", schemaPath: "#/properties/recipientSets/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.recipientSets.type, parentSchema: schema312.properties.recipientSets, data: data23 };
        if (vErrors === null) {
          vErrors = [err76];
        } else {
          vErrors.push(err76);
        }
        errors++;
      }
    }
    if (data.nodes !== void 0) {
      let data27 = data.nodes;
      if (Array.isArray(data27)) {
        const len3 = data27.length;
        for (let i4 = 0; i4 < len3; i4++) {
          let data28 = data27[i4];
          if (typeof data28 === "string") {
            if (!pattern52.test(data28)) {
              const err77 = { instancePath: instancePath + "/nodes/" + i4, schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema322, data: data28 };
              if (vErrors === null) {
                vErrors = [err77];
              } else {
                vErrors.push(err77);
              }
              errors++;
            }
          } else {
            const err78 = { instancePath: instancePath + "/nodes/" + i4, schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema322.type, parentSchema: schema322, data: data28 };
            if (vErrors === null) {
              vErrors = [err78];
            } else {
              vErrors.push(err78);
            }
            errors++;
          }
        }
      } else {
        const err79 = { instancePath: instancePath + "/nodes", schemaPath: "#/properties/nodes/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.nodes.type, parentSchema: schema312.properties.nodes, data: data27 };
        if (vErrors === null) {
          vErrors = [err79];
        } else {
          vErrors.push(err79);
        }
        errors++;
      }
    }
    if (data.emptyDirectories !== void 0) {
      let data29 = data.emptyDirectories;
      if (Array.isArray(data29)) {
        const len4 = data29.length;
        for (let i5 = 0; i5 < len4; i5++) {
          let data30 = data29[i5];
          if (typeof data30 === "string") {
            if (func32(data30) > 4096) {
              const err80 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema312.properties.emptyDirectories.items, data: data30 };
              if (vErrors === null) {
                vErrors = [err80];
              } else {
                vErrors.push(err80);
              }
              errors++;
            }
            if (func32(data30) < 1) {
              const err81 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.emptyDirectories.items, data: data30 };
              if (vErrors === null) {
                vErrors = [err81];
              } else {
                vErrors.push(err81);
              }
              errors++;
            }
          } else {
            const err82 = { instancePath: instancePath + "/emptyDirectories/" + i5, schemaPath: "#/properties/emptyDirectories/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.emptyDirectories.items.type, parentSchema: schema312.properties.emptyDirectories.items, data: data30 };
            if (vErrors === null) {
              vErrors = [err82];
            } else {
              vErrors.push(err82);
            }
            errors++;
          }
        }
      } else {
        const err83 = { instancePath: instancePath + "/emptyDirectories", schemaPath: "#/properties/emptyDirectories/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.emptyDirectories.type, parentSchema: schema312.properties.emptyDirectories, data: data29 };
        if (vErrors === null) {
          vErrors = [err83];
        } else {
          vErrors.push(err83);
        }
        errors++;
      }
    }
    if (data.consistency !== void 0) {
      let data31 = data.consistency;
      if (Array.isArray(data31)) {
        const len5 = data31.length;
        for (let i6 = 0; i6 < len5; i6++) {
          let data32 = data31[i6];
          if (data32 && typeof data32 == "object" && !Array.isArray(data32)) {
            if (data32.name === void 0) {
              const err84 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'", schema: schema312.properties.consistency.items.required, parentSchema: schema312.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err84];
              } else {
                vErrors.push(err84);
              }
              errors++;
            }
            if (data32.ok === void 0) {
              const err85 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema312.properties.consistency.items.required, parentSchema: schema312.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err85];
              } else {
                vErrors.push(err85);
              }
              errors++;
            }
            if (data32.message === void 0) {
              const err86 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema312.properties.consistency.items.required, parentSchema: schema312.properties.consistency.items, data: data32 };
              if (vErrors === null) {
                vErrors = [err86];
              } else {
                vErrors.push(err86);
              }
              errors++;
            }
            for (const key5 in data32) {
              if (!(key5 === "name" || key5 === "ok" || key5 === "message")) {
                const err87 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.consistency.items, data: data32 };
                if (vErrors === null) {
                  vErrors = [err87];
                } else {
                  vErrors.push(err87);
                }
                errors++;
              }
            }
            if (data32.name !== void 0) {
              let data33 = data32.name;
              if (typeof data33 !== "string") {
                const err88 = { instancePath: instancePath + "/consistency/" + i6 + "/name", schemaPath: "#/properties/consistency/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.consistency.items.properties.name.type, parentSchema: schema312.properties.consistency.items.properties.name, data: data33 };
                if (vErrors === null) {
                  vErrors = [err88];
                } else {
                  vErrors.push(err88);
                }
                errors++;
              }
            }
            if (data32.ok !== void 0) {
              let data34 = data32.ok;
              if (typeof data34 !== "boolean") {
                const err89 = { instancePath: instancePath + "/consistency/" + i6 + "/ok", schemaPath: "#/properties/consistency/items/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema312.properties.consistency.items.properties.ok.type, parentSchema: schema312.properties.consistency.items.properties.ok, data: data34 };
                if (vErrors === null) {
                  vErrors = [err89];
                } else {
                  vErrors.push(err89);
                }
                errors++;
              }
            }
            if (data32.message !== void 0) {
              let data35 = data32.message;
              if (typeof data35 !== "string") {
                const err90 = { instancePath: instancePath + "/consistency/" + i6 + "/message", schemaPath: "#/properties/consistency/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.consistency.items.properties.message.type, parentSchema: schema312.properties.consistency.items.properties.message, data: data35 };
                if (vErrors === null) {
                  vErrors = [err90];
                } else {
                  vErrors.push(err90);
                }
                errors++;
              }
            }
          } else {
            const err91 = { instancePath: instancePath + "/consistency/" + i6, schemaPath: "#/properties/consistency/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.consistency.items.type, parentSchema: schema312.properties.consistency.items, data: data32 };
            if (vErrors === null) {
              vErrors = [err91];
            } else {
              vErrors.push(err91);
            }
            errors++;
          }
        }
      } else {
        const err92 = { instancePath: instancePath + "/consistency", schemaPath: "#/properties/consistency/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.consistency.type, parentSchema: schema312.properties.consistency, data: data31 };
        if (vErrors === null) {
          vErrors = [err92];
        } else {
          vErrors.push(err92);
        }
        errors++;
      }
    }
    if (data.coverage !== void 0) {
      let data36 = data.coverage;
      if (data36 && typeof data36 == "object" && !Array.isArray(data36)) {
        if (data36.uncoveredTier0Paths === void 0) {
          const err93 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "uncoveredTier0Paths" }, message: "must have required property 'uncoveredTier0Paths'", schema: schema312.properties.coverage.required, parentSchema: schema312.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err93];
          } else {
            vErrors.push(err93);
          }
          errors++;
        }
        if (data36.missingComponents === void 0) {
          const err94 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "missingComponents" }, message: "must have required property 'missingComponents'", schema: schema312.properties.coverage.required, parentSchema: schema312.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err94];
          } else {
            vErrors.push(err94);
          }
          errors++;
        }
        if (data36.secretsOutsideComponents === void 0) {
          const err95 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/required", keyword: "required", params: { missingProperty: "secretsOutsideComponents" }, message: "must have required property 'secretsOutsideComponents'", schema: schema312.properties.coverage.required, parentSchema: schema312.properties.coverage, data: data36 };
          if (vErrors === null) {
            vErrors = [err95];
          } else {
            vErrors.push(err95);
          }
          errors++;
        }
        for (const key6 in data36) {
          if (!(key6 === "uncoveredTier0Paths" || key6 === "missingComponents" || key6 === "secretsOutsideComponents")) {
            const err96 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key6 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.coverage, data: data36 };
            if (vErrors === null) {
              vErrors = [err96];
            } else {
              vErrors.push(err96);
            }
            errors++;
          }
        }
        if (data36.uncoveredTier0Paths !== void 0) {
          let data37 = data36.uncoveredTier0Paths;
          if (Array.isArray(data37)) {
            const len6 = data37.length;
            for (let i7 = 0; i7 < len6; i7++) {
              let data38 = data37[i7];
              if (typeof data38 === "string") {
                if (func32(data38) > 4096) {
                  const err97 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err97];
                  } else {
                    vErrors.push(err97);
                  }
                  errors++;
                }
                if (func32(data38) < 1) {
                  const err98 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                  if (vErrors === null) {
                    vErrors = [err98];
                  } else {
                    vErrors.push(err98);
                  }
                  errors++;
                }
              } else {
                const err99 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths/" + i7, schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.coverage.properties.uncoveredTier0Paths.items.type, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths.items, data: data38 };
                if (vErrors === null) {
                  vErrors = [err99];
                } else {
                  vErrors.push(err99);
                }
                errors++;
              }
            }
          } else {
            const err100 = { instancePath: instancePath + "/coverage/uncoveredTier0Paths", schemaPath: "#/properties/coverage/properties/uncoveredTier0Paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.coverage.properties.uncoveredTier0Paths.type, parentSchema: schema312.properties.coverage.properties.uncoveredTier0Paths, data: data37 };
            if (vErrors === null) {
              vErrors = [err100];
            } else {
              vErrors.push(err100);
            }
            errors++;
          }
        }
        if (data36.missingComponents !== void 0) {
          let data39 = data36.missingComponents;
          if (Array.isArray(data39)) {
            const len7 = data39.length;
            for (let i8 = 0; i8 < len7; i8++) {
              let data40 = data39[i8];
              if (typeof data40 === "string") {
                if (func32(data40) > 200) {
                  const err101 = { instancePath: instancePath + "/coverage/missingComponents/" + i8, schemaPath: "#/properties/coverage/properties/missingComponents/items/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema312.properties.coverage.properties.missingComponents.items, data: data40 };
                  if (vErrors === null) {
                    vErrors = [err101];
                  } else {
                    vErrors.push(err101);
                  }
                  errors++;
                }
              } else {
                const err102 = { instancePath: instancePath + "/coverage/missingComponents/" + i8, schemaPath: "#/properties/coverage/properties/missingComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.coverage.properties.missingComponents.items.type, parentSchema: schema312.properties.coverage.properties.missingComponents.items, data: data40 };
                if (vErrors === null) {
                  vErrors = [err102];
                } else {
                  vErrors.push(err102);
                }
                errors++;
              }
            }
          } else {
            const err103 = { instancePath: instancePath + "/coverage/missingComponents", schemaPath: "#/properties/coverage/properties/missingComponents/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.coverage.properties.missingComponents.type, parentSchema: schema312.properties.coverage.properties.missingComponents, data: data39 };
            if (vErrors === null) {
              vErrors = [err103];
            } else {
              vErrors.push(err103);
            }
            errors++;
          }
        }
        if (data36.secretsOutsideComponents !== void 0) {
          let data41 = data36.secretsOutsideComponents;
          if (Array.isArray(data41)) {
            const len8 = data41.length;
            for (let i9 = 0; i9 < len8; i9++) {
              let data42 = data41[i9];
              if (typeof data42 === "string") {
                if (func32(data42) > 4096) {
                  const err104 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err104];
                  } else {
                    vErrors.push(err104);
                  }
                  errors++;
                }
                if (func32(data42) < 1) {
                  const err105 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                  if (vErrors === null) {
                    vErrors = [err105];
                  } else {
                    vErrors.push(err105);
                  }
                  errors++;
                }
              } else {
                const err106 = { instancePath: instancePath + "/coverage/secretsOutsideComponents/" + i9, schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.coverage.properties.secretsOutsideComponents.items.type, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents.items, data: data42 };
                if (vErrors === null) {
                  vErrors = [err106];
                } else {
                  vErrors.push(err106);
                }
                errors++;
              }
            }
          } else {
            const err107 = { instancePath: instancePath + "/coverage/secretsOutsideComponents", schemaPath: "#/properties/coverage/properties/secretsOutsideComponents/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema312.properties.coverage.properties.secretsOutsideComponents.type, parentSchema: schema312.properties.coverage.properties.secretsOutsideComponents, data: data41 };
            if (vErrors === null) {
              vErrors = [err107];
            } else {
              vErrors.push(err107);
            }
            errors++;
          }
        }
      } else {
        const err108 = { instancePath: instancePath + "/coverage", schemaPath: "#/properties/coverage/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.coverage.type, parentSchema: schema312.properties.coverage, data: data36 };
        if (vErrors === null) {
          vErrors = [err108];
        } else {
          vErrors.push(err108);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data43 = data.signature;
      if (data43 && typeof data43 == "object" && !Array.isArray(data43)) {
        if (data43.alg === void 0) {
          const err109 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema312.properties.signature.required, parentSchema: schema312.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err109];
          } else {
            vErrors.push(err109);
          }
          errors++;
        }
        if (data43.key === void 0) {
          const err110 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema312.properties.signature.required, parentSchema: schema312.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err110];
          } else {
            vErrors.push(err110);
          }
          errors++;
        }
        if (data43.value === void 0) {
          const err111 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema312.properties.signature.required, parentSchema: schema312.properties.signature, data: data43 };
          if (vErrors === null) {
            vErrors = [err111];
          } else {
            vErrors.push(err111);
          }
          errors++;
        }
        for (const key7 in data43) {
          if (!(key7 === "alg" || key7 === "key" || key7 === "value")) {
            const err112 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key7 }, message: "must NOT have additional properties", schema: false, parentSchema: schema312.properties.signature, data: data43 };
            if (vErrors === null) {
              vErrors = [err112];
            } else {
              vErrors.push(err112);
            }
            errors++;
          }
        }
        if (data43.alg !== void 0) {
          let data44 = data43.alg;
          if ("ed25519" !== data44) {
            const err113 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema312.properties.signature.properties.alg, data: data44 };
            if (vErrors === null) {
              vErrors = [err113];
            } else {
              vErrors.push(err113);
            }
            errors++;
          }
        }
        if (data43.key !== void 0) {
          let data45 = data43.key;
          if (typeof data45 === "string") {
            if (!pattern11.test(data45)) {
              const err114 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sgw1[0-9a-z]{58}$" }, message: 'must match pattern "^sgw1[0-9a-z]{58}$"', schema: "^sgw1[0-9a-z]{58}$", parentSchema: schema312.properties.signature.properties.key, data: data45 };
              if (vErrors === null) {
                vErrors = [err114];
              } else {
                vErrors.push(err114);
              }
              errors++;
            }
          } else {
            const err115 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.signature.properties.key.type, parentSchema: schema312.properties.signature.properties.key, data: data45 };
            if (vErrors === null) {
              vErrors = [err115];
            } else {
              vErrors.push(err115);
            }
            errors++;
          }
        }
        if (data43.value !== void 0) {
          let data46 = data43.value;
          if (typeof data46 === "string") {
            if (!pattern12.test(data46)) {
              const err116 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{86}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{86}==$"', schema: "^[A-Za-z0-9+/]{86}==$", parentSchema: schema312.properties.signature.properties.value, data: data46 };
              if (vErrors === null) {
                vErrors = [err116];
              } else {
                vErrors.push(err116);
              }
              errors++;
            }
          } else {
            const err117 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema312.properties.signature.properties.value.type, parentSchema: schema312.properties.signature.properties.value, data: data46 };
            if (vErrors === null) {
              vErrors = [err117];
            } else {
              vErrors.push(err117);
            }
            errors++;
          }
        }
      } else {
        const err118 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.properties.signature.type, parentSchema: schema312.properties.signature, data: data43 };
        if (vErrors === null) {
          vErrors = [err118];
        } else {
          vErrors.push(err118);
        }
        errors++;
      }
    }
  } else {
    const err119 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema312.type, parentSchema: schema312, data };
    if (vErrors === null) {
      vErrors = [err119];
    } else {
      vErrors.push(err119);
    }
    errors++;
  }
  validate202.errors = vErrors;
  return errors === 0;
}
validate202.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/snapshot/parse-manifest.ts
var v1 = new JsonSchemaValidator(() => manifest_validator_default);
var v2 = new JsonSchemaValidator(
  () => manifest_root_validator_default
);
function parseManifest(bytes, where) {
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new SnapgateError("INTEGRITY", `${where} is not valid JSON.`, {
      fix: "The manifest was damaged in the store; verify the store (`snapgate verify --all`) and restore from another snapshot."
    });
  }
  const isV2 = value?.format === MANIFEST_V2_FORMAT;
  const result = isV2 ? v2.check(value) : v1.check(value);
  if (!result.ok) {
    const first = result.problems.slice(0, 3).map((p) => `${p.instancePath} ${p.message}`).join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `${where} is not a valid ${isV2 ? MANIFEST_V2_FORMAT : "snapgate.manifest/v1"}: ${first}.`,
      {
        fix: "The manifest was written by an incompatible or faulty writer, or altered; do not restore from it.",
        details: { problems: result.problems }
      }
    );
  }
  return result.value;
}

// core/generated/manifest-node-validator.ts
var import_ucs2length3 = __toESM(require_ucs2length(), 1);
var manifest_node_validator_default = validate203;
var schema313 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/manifest-node.schema.json", "title": "Snapgate manifest node (snapgate.manifest-node/v1 and v2)", "description": "A run of one or more snapshots' file entries, sorted by path: stored once at nodes/<id[0:2]>/<id>.json, where id is the sha256 of the file, and named by every v2 manifest root that holds exactly these entries. Plain JSON, not encrypted: paths are readable without a key (ADR 1101). Format v2 (ADR 1114) is written for a node that holds a packed entry (one whose content lies in a pack: `pack`); a v1 node holds none.", "type": "object", "additionalProperties": false, "required": ["format", "files"], "properties": { "format": { "enum": ["snapgate.manifest-node/v1", "snapgate.manifest-node/v2"] }, "files": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/file" } } }, "$defs": { "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "recipientSetId": { "type": "string", "pattern": "^[0-9a-f]{32}$" }, "file": { "description": "Path rules (relative, no '..', no NUL, no case-insensitive collisions) are checked by the restore code, not here, so that a hostile manifest gets a precise error.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["type", "path", "mode", "size", "blob", "encoding", "ciphertextSha256"], "properties": { "type": { "const": "file" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "mode": { "type": "integer", "minimum": 0, "maximum": 4095 }, "size": { "type": "integer", "minimum": 0 }, "blob": { "$ref": "#/$defs/sha256" }, "encoding": { "enum": ["gzip", "none"] }, "ciphertextSha256": { "$ref": "#/$defs/sha256" }, "recipientSet": { "description": "The id of the recipient set (in recipientSets) the blob is sealed to; part of the blob's file name.", "$ref": "#/$defs/recipientSetId" }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 }, "pack": { "description": "Set when the file's encoded content lies in a pack (ADR 1114): the pack's keyed id, and the byte range of the pack's plaintext that holds this file's encoded content (then `blob` is still the file's own content id, and `ciphertextSha256`, `recipientSet` are the pack's).", "type": "object", "additionalProperties": false, "required": ["blob", "offset", "length"], "properties": { "blob": { "$ref": "#/$defs/sha256" }, "offset": { "type": "integer", "minimum": 0 }, "length": { "type": "integer", "minimum": 0 } } } } }, { "type": "object", "additionalProperties": false, "required": ["type", "path", "target"], "properties": { "type": { "const": "symlink" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "target": { "type": "string", "minLength": 1, "maxLength": 4096 }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }] } }, "allOf": [{ "description": "A v1 node holds no packed entry: only v2 readers know what `pack` means.", "if": { "properties": { "format": { "const": "snapgate.manifest-node/v1" } } }, "then": { "properties": { "files": { "type": "array", "items": { "type": "object", "properties": { "pack": false } } } } } }] };
var schema323 = { "description": "Path rules (relative, no '..', no NUL, no case-insensitive collisions) are checked by the restore code, not here, so that a hostile manifest gets a precise error.", "oneOf": [{ "type": "object", "additionalProperties": false, "required": ["type", "path", "mode", "size", "blob", "encoding", "ciphertextSha256"], "properties": { "type": { "const": "file" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "mode": { "type": "integer", "minimum": 0, "maximum": 4095 }, "size": { "type": "integer", "minimum": 0 }, "blob": { "$ref": "#/$defs/sha256" }, "encoding": { "enum": ["gzip", "none"] }, "ciphertextSha256": { "$ref": "#/$defs/sha256" }, "recipientSet": { "description": "The id of the recipient set (in recipientSets) the blob is sealed to; part of the blob's file name.", "$ref": "#/$defs/recipientSetId" }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 }, "pack": { "description": "Set when the file's encoded content lies in a pack (ADR 1114): the pack's keyed id, and the byte range of the pack's plaintext that holds this file's encoded content (then `blob` is still the file's own content id, and `ciphertextSha256`, `recipientSet` are the pack's).", "type": "object", "additionalProperties": false, "required": ["blob", "offset", "length"], "properties": { "blob": { "$ref": "#/$defs/sha256" }, "offset": { "type": "integer", "minimum": 0 }, "length": { "type": "integer", "minimum": 0 } } } } }, { "type": "object", "additionalProperties": false, "required": ["type", "path", "target"], "properties": { "type": { "const": "symlink" }, "path": { "type": "string", "minLength": 1, "maxLength": 4096 }, "target": { "type": "string", "minLength": 1, "maxLength": 4096 }, "component": { "type": "string", "maxLength": 200 }, "tier": { "type": "string", "maxLength": 100 }, "owner": { "type": "string", "maxLength": 200 } } }] };
var schema333 = { "type": "string", "pattern": "^[0-9a-f]{64}$" };
var schema35 = { "type": "string", "pattern": "^[0-9a-f]{32}$" };
var func13 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length3.default.default;
var pattern43 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern63 = new RegExp("^[0-9a-f]{32}$", "u");
function validate212(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate212.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err0 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err1 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.mode === void 0) {
      const err2 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "mode" }, message: "must have required property 'mode'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.size === void 0) {
      const err3 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "size" }, message: "must have required property 'size'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.blob === void 0) {
      const err4 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "blob" }, message: "must have required property 'blob'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.encoding === void 0) {
      const err5 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "encoding" }, message: "must have required property 'encoding'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.ciphertextSha256 === void 0) {
      const err6 = { instancePath, schemaPath: "#/oneOf/0/required", keyword: "required", params: { missingProperty: "ciphertextSha256" }, message: "must have required property 'ciphertextSha256'", schema: schema323.oneOf[0].required, parentSchema: schema323.oneOf[0], data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!func13.call(schema323.oneOf[0].properties, key0)) {
        const err7 = { instancePath, schemaPath: "#/oneOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema323.oneOf[0], data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data0 = data.type;
      if ("file" !== data0) {
        const err8 = { instancePath: instancePath + "/type", schemaPath: "#/oneOf/0/properties/type/const", keyword: "const", params: { allowedValue: "file" }, message: "must be equal to constant", schema: "file", parentSchema: schema323.oneOf[0].properties.type, data: data0 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data1 = data.path;
      if (typeof data1 === "string") {
        if (func2(data1) > 4096) {
          const err9 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema323.oneOf[0].properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        if (func2(data1) < 1) {
          const err10 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema323.oneOf[0].properties.path, data: data1 };
          if (vErrors === null) {
            vErrors = [err10];
          } else {
            vErrors.push(err10);
          }
          errors++;
        }
      } else {
        const err11 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/0/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[0].properties.path.type, parentSchema: schema323.oneOf[0].properties.path, data: data1 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.mode !== void 0) {
      let data2 = data.mode;
      if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
        const err12 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema323.oneOf[0].properties.mode.type, parentSchema: schema323.oneOf[0].properties.mode, data: data2 };
        if (vErrors === null) {
          vErrors = [err12];
        } else {
          vErrors.push(err12);
        }
        errors++;
      }
      if (typeof data2 == "number" && isFinite(data2)) {
        if (data2 > 4095 || isNaN(data2)) {
          const err13 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 4095 }, message: "must be <= 4095", schema: 4095, parentSchema: schema323.oneOf[0].properties.mode, data: data2 };
          if (vErrors === null) {
            vErrors = [err13];
          } else {
            vErrors.push(err13);
          }
          errors++;
        }
        if (data2 < 0 || isNaN(data2)) {
          const err14 = { instancePath: instancePath + "/mode", schemaPath: "#/oneOf/0/properties/mode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema323.oneOf[0].properties.mode, data: data2 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      }
    }
    if (data.size !== void 0) {
      let data3 = data.size;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err15 = { instancePath: instancePath + "/size", schemaPath: "#/oneOf/0/properties/size/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema323.oneOf[0].properties.size.type, parentSchema: schema323.oneOf[0].properties.size, data: data3 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 0 || isNaN(data3)) {
          const err16 = { instancePath: instancePath + "/size", schemaPath: "#/oneOf/0/properties/size/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema323.oneOf[0].properties.size, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
      }
    }
    if (data.blob !== void 0) {
      let data4 = data.blob;
      if (typeof data4 === "string") {
        if (!pattern43.test(data4)) {
          const err17 = { instancePath: instancePath + "/blob", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema333, data: data4 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      } else {
        const err18 = { instancePath: instancePath + "/blob", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema333.type, parentSchema: schema333, data: data4 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.encoding !== void 0) {
      let data5 = data.encoding;
      if (!(data5 === "gzip" || data5 === "none")) {
        const err19 = { instancePath: instancePath + "/encoding", schemaPath: "#/oneOf/0/properties/encoding/enum", keyword: "enum", params: { allowedValues: schema323.oneOf[0].properties.encoding.enum }, message: "must be equal to one of the allowed values", schema: schema323.oneOf[0].properties.encoding.enum, parentSchema: schema323.oneOf[0].properties.encoding, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.ciphertextSha256 !== void 0) {
      let data6 = data.ciphertextSha256;
      if (typeof data6 === "string") {
        if (!pattern43.test(data6)) {
          const err20 = { instancePath: instancePath + "/ciphertextSha256", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema333, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/ciphertextSha256", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema333.type, parentSchema: schema333, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.recipientSet !== void 0) {
      let data7 = data.recipientSet;
      if (typeof data7 === "string") {
        if (!pattern63.test(data7)) {
          const err22 = { instancePath: instancePath + "/recipientSet", schemaPath: "#/$defs/recipientSetId/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{32}$" }, message: 'must match pattern "^[0-9a-f]{32}$"', schema: "^[0-9a-f]{32}$", parentSchema: schema35, data: data7 };
          if (vErrors === null) {
            vErrors = [err22];
          } else {
            vErrors.push(err22);
          }
          errors++;
        }
      } else {
        const err23 = { instancePath: instancePath + "/recipientSet", schemaPath: "#/$defs/recipientSetId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.type, parentSchema: schema35, data: data7 };
        if (vErrors === null) {
          vErrors = [err23];
        } else {
          vErrors.push(err23);
        }
        errors++;
      }
    }
    if (data.component !== void 0) {
      let data8 = data.component;
      if (typeof data8 === "string") {
        if (func2(data8) > 200) {
          const err24 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/0/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema323.oneOf[0].properties.component, data: data8 };
          if (vErrors === null) {
            vErrors = [err24];
          } else {
            vErrors.push(err24);
          }
          errors++;
        }
      } else {
        const err25 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/0/properties/component/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[0].properties.component.type, parentSchema: schema323.oneOf[0].properties.component, data: data8 };
        if (vErrors === null) {
          vErrors = [err25];
        } else {
          vErrors.push(err25);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data9 = data.tier;
      if (typeof data9 === "string") {
        if (func2(data9) > 100) {
          const err26 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/0/properties/tier/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema323.oneOf[0].properties.tier, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
      } else {
        const err27 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/0/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[0].properties.tier.type, parentSchema: schema323.oneOf[0].properties.tier, data: data9 };
        if (vErrors === null) {
          vErrors = [err27];
        } else {
          vErrors.push(err27);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data10 = data.owner;
      if (typeof data10 === "string") {
        if (func2(data10) > 200) {
          const err28 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/0/properties/owner/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema323.oneOf[0].properties.owner, data: data10 };
          if (vErrors === null) {
            vErrors = [err28];
          } else {
            vErrors.push(err28);
          }
          errors++;
        }
      } else {
        const err29 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/0/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[0].properties.owner.type, parentSchema: schema323.oneOf[0].properties.owner, data: data10 };
        if (vErrors === null) {
          vErrors = [err29];
        } else {
          vErrors.push(err29);
        }
        errors++;
      }
    }
    if (data.pack !== void 0) {
      let data11 = data.pack;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.blob === void 0) {
          const err30 = { instancePath: instancePath + "/pack", schemaPath: "#/oneOf/0/properties/pack/required", keyword: "required", params: { missingProperty: "blob" }, message: "must have required property 'blob'", schema: schema323.oneOf[0].properties.pack.required, parentSchema: schema323.oneOf[0].properties.pack, data: data11 };
          if (vErrors === null) {
            vErrors = [err30];
          } else {
            vErrors.push(err30);
          }
          errors++;
        }
        if (data11.offset === void 0) {
          const err31 = { instancePath: instancePath + "/pack", schemaPath: "#/oneOf/0/properties/pack/required", keyword: "required", params: { missingProperty: "offset" }, message: "must have required property 'offset'", schema: schema323.oneOf[0].properties.pack.required, parentSchema: schema323.oneOf[0].properties.pack, data: data11 };
          if (vErrors === null) {
            vErrors = [err31];
          } else {
            vErrors.push(err31);
          }
          errors++;
        }
        if (data11.length === void 0) {
          const err32 = { instancePath: instancePath + "/pack", schemaPath: "#/oneOf/0/properties/pack/required", keyword: "required", params: { missingProperty: "length" }, message: "must have required property 'length'", schema: schema323.oneOf[0].properties.pack.required, parentSchema: schema323.oneOf[0].properties.pack, data: data11 };
          if (vErrors === null) {
            vErrors = [err32];
          } else {
            vErrors.push(err32);
          }
          errors++;
        }
        for (const key1 in data11) {
          if (!(key1 === "blob" || key1 === "offset" || key1 === "length")) {
            const err33 = { instancePath: instancePath + "/pack", schemaPath: "#/oneOf/0/properties/pack/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema323.oneOf[0].properties.pack, data: data11 };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
        }
        if (data11.blob !== void 0) {
          let data12 = data11.blob;
          if (typeof data12 === "string") {
            if (!pattern43.test(data12)) {
              const err34 = { instancePath: instancePath + "/pack/blob", schemaPath: "#/$defs/sha256/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema333, data: data12 };
              if (vErrors === null) {
                vErrors = [err34];
              } else {
                vErrors.push(err34);
              }
              errors++;
            }
          } else {
            const err35 = { instancePath: instancePath + "/pack/blob", schemaPath: "#/$defs/sha256/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema333.type, parentSchema: schema333, data: data12 };
            if (vErrors === null) {
              vErrors = [err35];
            } else {
              vErrors.push(err35);
            }
            errors++;
          }
        }
        if (data11.offset !== void 0) {
          let data13 = data11.offset;
          if (!(typeof data13 == "number" && (!(data13 % 1) && !isNaN(data13)) && isFinite(data13))) {
            const err36 = { instancePath: instancePath + "/pack/offset", schemaPath: "#/oneOf/0/properties/pack/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema323.oneOf[0].properties.pack.properties.offset.type, parentSchema: schema323.oneOf[0].properties.pack.properties.offset, data: data13 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
          if (typeof data13 == "number" && isFinite(data13)) {
            if (data13 < 0 || isNaN(data13)) {
              const err37 = { instancePath: instancePath + "/pack/offset", schemaPath: "#/oneOf/0/properties/pack/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema323.oneOf[0].properties.pack.properties.offset, data: data13 };
              if (vErrors === null) {
                vErrors = [err37];
              } else {
                vErrors.push(err37);
              }
              errors++;
            }
          }
        }
        if (data11.length !== void 0) {
          let data14 = data11.length;
          if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
            const err38 = { instancePath: instancePath + "/pack/length", schemaPath: "#/oneOf/0/properties/pack/properties/length/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema323.oneOf[0].properties.pack.properties.length.type, parentSchema: schema323.oneOf[0].properties.pack.properties.length, data: data14 };
            if (vErrors === null) {
              vErrors = [err38];
            } else {
              vErrors.push(err38);
            }
            errors++;
          }
          if (typeof data14 == "number" && isFinite(data14)) {
            if (data14 < 0 || isNaN(data14)) {
              const err39 = { instancePath: instancePath + "/pack/length", schemaPath: "#/oneOf/0/properties/pack/properties/length/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema323.oneOf[0].properties.pack.properties.length, data: data14 };
              if (vErrors === null) {
                vErrors = [err39];
              } else {
                vErrors.push(err39);
              }
              errors++;
            }
          }
        }
      } else {
        const err40 = { instancePath: instancePath + "/pack", schemaPath: "#/oneOf/0/properties/pack/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema323.oneOf[0].properties.pack.type, parentSchema: schema323.oneOf[0].properties.pack, data: data11 };
        if (vErrors === null) {
          vErrors = [err40];
        } else {
          vErrors.push(err40);
        }
        errors++;
      }
    }
  } else {
    const err41 = { instancePath, schemaPath: "#/oneOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema323.oneOf[0].type, parentSchema: schema323.oneOf[0], data };
    if (vErrors === null) {
      vErrors = [err41];
    } else {
      vErrors.push(err41);
    }
    errors++;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
    var props0 = true;
  }
  const _errs37 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.type === void 0) {
      const err42 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "type" }, message: "must have required property 'type'", schema: schema323.oneOf[1].required, parentSchema: schema323.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err42];
      } else {
        vErrors.push(err42);
      }
      errors++;
    }
    if (data.path === void 0) {
      const err43 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "path" }, message: "must have required property 'path'", schema: schema323.oneOf[1].required, parentSchema: schema323.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err43];
      } else {
        vErrors.push(err43);
      }
      errors++;
    }
    if (data.target === void 0) {
      const err44 = { instancePath, schemaPath: "#/oneOf/1/required", keyword: "required", params: { missingProperty: "target" }, message: "must have required property 'target'", schema: schema323.oneOf[1].required, parentSchema: schema323.oneOf[1], data };
      if (vErrors === null) {
        vErrors = [err44];
      } else {
        vErrors.push(err44);
      }
      errors++;
    }
    for (const key2 in data) {
      if (!(key2 === "type" || key2 === "path" || key2 === "target" || key2 === "component" || key2 === "tier" || key2 === "owner")) {
        const err45 = { instancePath, schemaPath: "#/oneOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema323.oneOf[1], data };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.type !== void 0) {
      let data15 = data.type;
      if ("symlink" !== data15) {
        const err46 = { instancePath: instancePath + "/type", schemaPath: "#/oneOf/1/properties/type/const", keyword: "const", params: { allowedValue: "symlink" }, message: "must be equal to constant", schema: "symlink", parentSchema: schema323.oneOf[1].properties.type, data: data15 };
        if (vErrors === null) {
          vErrors = [err46];
        } else {
          vErrors.push(err46);
        }
        errors++;
      }
    }
    if (data.path !== void 0) {
      let data16 = data.path;
      if (typeof data16 === "string") {
        if (func2(data16) > 4096) {
          const err47 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema323.oneOf[1].properties.path, data: data16 };
          if (vErrors === null) {
            vErrors = [err47];
          } else {
            vErrors.push(err47);
          }
          errors++;
        }
        if (func2(data16) < 1) {
          const err48 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema323.oneOf[1].properties.path, data: data16 };
          if (vErrors === null) {
            vErrors = [err48];
          } else {
            vErrors.push(err48);
          }
          errors++;
        }
      } else {
        const err49 = { instancePath: instancePath + "/path", schemaPath: "#/oneOf/1/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[1].properties.path.type, parentSchema: schema323.oneOf[1].properties.path, data: data16 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.target !== void 0) {
      let data17 = data.target;
      if (typeof data17 === "string") {
        if (func2(data17) > 4096) {
          const err50 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema323.oneOf[1].properties.target, data: data17 };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
        if (func2(data17) < 1) {
          const err51 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema323.oneOf[1].properties.target, data: data17 };
          if (vErrors === null) {
            vErrors = [err51];
          } else {
            vErrors.push(err51);
          }
          errors++;
        }
      } else {
        const err52 = { instancePath: instancePath + "/target", schemaPath: "#/oneOf/1/properties/target/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[1].properties.target.type, parentSchema: schema323.oneOf[1].properties.target, data: data17 };
        if (vErrors === null) {
          vErrors = [err52];
        } else {
          vErrors.push(err52);
        }
        errors++;
      }
    }
    if (data.component !== void 0) {
      let data18 = data.component;
      if (typeof data18 === "string") {
        if (func2(data18) > 200) {
          const err53 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/1/properties/component/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema323.oneOf[1].properties.component, data: data18 };
          if (vErrors === null) {
            vErrors = [err53];
          } else {
            vErrors.push(err53);
          }
          errors++;
        }
      } else {
        const err54 = { instancePath: instancePath + "/component", schemaPath: "#/oneOf/1/properties/component/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[1].properties.component.type, parentSchema: schema323.oneOf[1].properties.component, data: data18 };
        if (vErrors === null) {
          vErrors = [err54];
        } else {
          vErrors.push(err54);
        }
        errors++;
      }
    }
    if (data.tier !== void 0) {
      let data19 = data.tier;
      if (typeof data19 === "string") {
        if (func2(data19) > 100) {
          const err55 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/1/properties/tier/maxLength", keyword: "maxLength", params: { limit: 100 }, message: "must NOT have more than 100 characters", schema: 100, parentSchema: schema323.oneOf[1].properties.tier, data: data19 };
          if (vErrors === null) {
            vErrors = [err55];
          } else {
            vErrors.push(err55);
          }
          errors++;
        }
      } else {
        const err56 = { instancePath: instancePath + "/tier", schemaPath: "#/oneOf/1/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[1].properties.tier.type, parentSchema: schema323.oneOf[1].properties.tier, data: data19 };
        if (vErrors === null) {
          vErrors = [err56];
        } else {
          vErrors.push(err56);
        }
        errors++;
      }
    }
    if (data.owner !== void 0) {
      let data20 = data.owner;
      if (typeof data20 === "string") {
        if (func2(data20) > 200) {
          const err57 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/1/properties/owner/maxLength", keyword: "maxLength", params: { limit: 200 }, message: "must NOT have more than 200 characters", schema: 200, parentSchema: schema323.oneOf[1].properties.owner, data: data20 };
          if (vErrors === null) {
            vErrors = [err57];
          } else {
            vErrors.push(err57);
          }
          errors++;
        }
      } else {
        const err58 = { instancePath: instancePath + "/owner", schemaPath: "#/oneOf/1/properties/owner/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema323.oneOf[1].properties.owner.type, parentSchema: schema323.oneOf[1].properties.owner, data: data20 };
        if (vErrors === null) {
          vErrors = [err58];
        } else {
          vErrors.push(err58);
        }
        errors++;
      }
    }
  } else {
    const err59 = { instancePath, schemaPath: "#/oneOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema323.oneOf[1].type, parentSchema: schema323.oneOf[1], data };
    if (vErrors === null) {
      vErrors = [err59];
    } else {
      vErrors.push(err59);
    }
    errors++;
  }
  var _valid0 = _errs37 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
      if (props0 !== true) {
        props0 = true;
      }
    }
  }
  if (!valid0) {
    const err60 = { instancePath, schemaPath: "#/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema323.oneOf, parentSchema: schema323, data };
    if (vErrors === null) {
      vErrors = [err60];
    } else {
      vErrors.push(err60);
    }
    errors++;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate212.errors = vErrors;
  evaluated0.props = props0;
  return errors === 0;
}
validate212.evaluated = { "dynamicProps": true, "dynamicItems": false };
function validate203(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  ;
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate203.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  const _errs2 = errors;
  let valid1 = true;
  const _errs3 = errors;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format !== void 0) {
      if ("snapgate.manifest-node/v1" !== data.format) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
  }
  var _valid0 = _errs3 === errors;
  errors = _errs2;
  if (vErrors !== null) {
    if (_errs2) {
      vErrors.length = _errs2;
    } else {
      vErrors = null;
    }
  }
  if (_valid0) {
    const _errs5 = errors;
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.files !== void 0) {
        let data1 = data.files;
        if (Array.isArray(data1)) {
          const len0 = data1.length;
          for (let i0 = 0; i0 < len0; i0++) {
            let data2 = data1[i0];
            if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
              if (data2.pack !== void 0) {
                const err1 = { instancePath: instancePath + "/files/" + i0 + "/pack", schemaPath: "#/allOf/0/then/properties/files/items/properties/pack/false schema", keyword: "false schema", params: {}, message: "boolean schema is false", schema: false, parentSchema: schema313.allOf[0].then.properties.files.items.properties.pack, data: data2.pack };
                if (vErrors === null) {
                  vErrors = [err1];
                } else {
                  vErrors.push(err1);
                }
                errors++;
              }
            } else {
              const err2 = { instancePath: instancePath + "/files/" + i0, schemaPath: "#/allOf/0/then/properties/files/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.allOf[0].then.properties.files.items.type, parentSchema: schema313.allOf[0].then.properties.files.items, data: data2 };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
        } else {
          const err3 = { instancePath: instancePath + "/files", schemaPath: "#/allOf/0/then/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.allOf[0].then.properties.files.type, parentSchema: schema313.allOf[0].then.properties.files, data: data1 };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
      }
    }
    var _valid0 = _errs5 === errors;
    valid1 = _valid0;
    if (valid1) {
      var props0 = {};
      props0.files = true;
      props0.format = true;
    }
  }
  if (!valid1) {
    const err4 = { instancePath, schemaPath: "#/allOf/0/if", keyword: "if", params: { failingKeyword: "then" }, message: 'must match "then" schema', schema: schema313.allOf[0].if, parentSchema: schema313.allOf[0], data };
    if (vErrors === null) {
      vErrors = [err4];
    } else {
      vErrors.push(err4);
    }
    errors++;
  }
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.format === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "format" }, message: "must have required property 'format'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.files === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "files" }, message: "must have required property 'files'", schema: schema313.required, parentSchema: schema313, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "format" || key0 === "files")) {
        const err7 = { instancePath, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key0 }, message: "must NOT have additional properties", schema: false, parentSchema: schema313, data };
        if (vErrors === null) {
          vErrors = [err7];
        } else {
          vErrors.push(err7);
        }
        errors++;
      }
    }
    if (data.format !== void 0) {
      let data4 = data.format;
      if (!(data4 === "snapgate.manifest-node/v1" || data4 === "snapgate.manifest-node/v2")) {
        const err8 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/enum", keyword: "enum", params: { allowedValues: schema313.properties.format.enum }, message: "must be equal to one of the allowed values", schema: schema313.properties.format.enum, parentSchema: schema313.properties.format, data: data4 };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.files !== void 0) {
      let data5 = data.files;
      if (Array.isArray(data5)) {
        if (data5.length < 1) {
          const err9 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema313.properties.files, data: data5 };
          if (vErrors === null) {
            vErrors = [err9];
          } else {
            vErrors.push(err9);
          }
          errors++;
        }
        const len1 = data5.length;
        for (let i1 = 0; i1 < len1; i1++) {
          if (!validate212(data5[i1], { instancePath: instancePath + "/files/" + i1, parentData: data5, parentDataProperty: i1, rootData, dynamicAnchors })) {
            vErrors = vErrors === null ? validate212.errors : vErrors.concat(validate212.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err10 = { instancePath: instancePath + "/files", schemaPath: "#/properties/files/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema313.properties.files.type, parentSchema: schema313.properties.files, data: data5 };
        if (vErrors === null) {
          vErrors = [err10];
        } else {
          vErrors.push(err10);
        }
        errors++;
      }
    }
  } else {
    const err11 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema313.type, parentSchema: schema313, data };
    if (vErrors === null) {
      vErrors = [err11];
    } else {
      vErrors.push(err11);
    }
    errors++;
  }
  validate203.errors = vErrors;
  return errors === 0;
}
validate203.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/snapshot/parse-manifest-node.ts
var validator = new JsonSchemaValidator(
  () => manifest_node_validator_default
);
function parseManifestNode(bytes, id, where) {
  const actual = sha256Hex(bytes);
  if (actual !== id) {
    throw new SnapgateError(
      "INTEGRITY",
      `Node ${id.slice(0, 12)} of ${where} does not hash to its id (sha256 ${actual.slice(0, 12)}).`,
      {
        fix: "A manifest node was altered in the store: do not restore from this snapshot; run `snapgate verify --all` and restore the store from a replica."
      }
    );
  }
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = void 0;
  }
  const result = validator.check(value);
  if (!result.ok) {
    const first = result.problems.slice(0, 3).map((p) => `${p.instancePath} ${p.message}`).join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `Node ${id.slice(0, 12)} of ${where} is not a valid manifest node: ${first}.`,
      {
        fix: "The node was written by a faulty writer (its hash matches, so it was not altered since): do not restore from this snapshot.",
        details: { problems: result.problems }
      }
    );
  }
  return result.value;
}

export {
  JsonSchemaValidator,
  parseManifest,
  parseManifestNode
};
