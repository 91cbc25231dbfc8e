import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  JsonSchemaValidator
} from "./chunk-L3YJLP3Q.js";
import {
  parseAppVerifyKey
} from "./chunk-WPITP5OQ.js";
import {
  require_formats,
  require_ucs2length
} from "./chunk-MVZIGVV4.js";
import {
  canonicalJson
} from "./chunk-2NBA2BLU.js";
import {
  sha256Hex
} from "./chunk-U2VA4CFL.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/generated/request-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var request_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/request.schema.json", "title": "Snapgate request record (snapgate.request/v1)", "description": "requests/<id>.json in the store: a restore or forget request and the approvals it gathered. Each approval carries the request digest, which binds it to the action, the environment, exactly these snapshots (and paths), the policy digest, the requester and the expiry.", "type": "object", "additionalProperties": false, "required": ["format", "id", "action", "subject", "digest", "requester", "createdAt", "expiresAt", "approvals", "state"], "properties": { "format": { "const": "snapgate.request/v1" }, "id": { "$ref": "#/$defs/requestId" }, "action": { "enum": ["forget", "restore"] }, "subject": { "type": "object", "additionalProperties": false, "required": ["environment", "snapshots", "policyDigest"], "properties": { "environment": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "snapshots": { "type": "array", "minItems": 1, "maxItems": 1e4, "uniqueItems": true, "items": { "type": "string", "pattern": "^[0-9a-f]{64}$" } }, "paths": { "description": "Restore only: globs of the paths to restore; absent = every path.", "type": "array", "items": { "type": "string", "minLength": 1, "maxLength": 1e3 } }, "policyDigest": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/digest" }] } } }, "digest": { "$ref": "#/$defs/digest" }, "requester": { "$ref": "#/$defs/user" }, "reason": { "type": "string", "maxLength": 2e3 }, "createdAt": { "type": "string", "format": "date-time" }, "expiresAt": { "type": "string", "format": "date-time" }, "approvals": { "type": "array", "maxItems": 100, "items": { "type": "object", "additionalProperties": false, "required": ["user", "at", "digest"], "properties": { "user": { "$ref": "#/$defs/user" }, "at": { "type": "string", "format": "date-time" }, "digest": { "$ref": "#/$defs/digest" } } } }, "signature": { "description": "The Snapgate App's Ed25519 signature of the canonical JSON (RFC 8785) of the record without this field. The CLI and the restore action accept a record only when the key is one of the policy's keys.app.", "type": "object", "additionalProperties": false, "required": ["alg", "key", "value"], "properties": { "alg": { "const": "ed25519" }, "key": { "type": "string", "pattern": "^sga1[02-9ac-hj-np-z]{58}$" }, "value": { "type": "string", "pattern": "^[A-Za-z0-9+/]{86}==$" } } }, "state": { "enum": ["pending", "approved", "denied", "cancelled", "expired", "executed"] } }, "$defs": { "requestId": { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, "digest": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" }, "user": { "description": "A GitHub user: the numeric id is the identity (logins can be renamed).", "type": "object", "additionalProperties": false, "required": ["id", "login"], "properties": { "id": { "type": "integer", "minimum": 1 }, "login": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" } } } } };
var schema32 = { "type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" };
var schema33 = { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$" };
var schema35 = { "description": "A GitHub user: the numeric id is the identity (logins can be renamed).", "type": "object", "additionalProperties": false, "required": ["id", "login"], "properties": { "id": { "type": "integer", "minimum": 1 }, "login": { "type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var pattern4 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", "u");
var pattern5 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
var pattern6 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern7 = new RegExp("^sha256:[0-9a-f]{64}$", "u");
var pattern9 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$", "u");
var pattern12 = new RegExp("^sga1[02-9ac-hj-np-z]{58}$", "u");
var pattern13 = new RegExp("^[A-Za-z0-9+/]{86}==$", "u");
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
    if (data.id === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.action === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "action" }, message: "must have required property 'action'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
    }
    if (data.subject === void 0) {
      const err3 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "subject" }, message: "must have required property 'subject'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
    if (data.digest === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.requester === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "requester" }, message: "must have required property 'requester'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.createdAt === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "createdAt" }, message: "must have required property 'createdAt'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.expiresAt === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "expiresAt" }, message: "must have required property 'expiresAt'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.approvals === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "approvals" }, message: "must have required property 'approvals'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.state === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "state" }, message: "must have required property 'state'", schema: schema31.required, parentSchema: schema31, data };
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
      if ("snapgate.request/v1" !== data0) {
        const err11 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.request/v1" }, message: "must be equal to constant", schema: "snapgate.request/v1", parentSchema: schema31.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.id !== void 0) {
      let data1 = data.id;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err12 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/requestId/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"', schema: "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", parentSchema: schema32, data: data1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/id", schemaPath: "#/$defs/requestId/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema32.type, parentSchema: schema32, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.action !== void 0) {
      let data2 = data.action;
      if (!(data2 === "forget" || data2 === "restore")) {
        const err14 = { instancePath: instancePath + "/action", schemaPath: "#/properties/action/enum", keyword: "enum", params: { allowedValues: schema31.properties.action.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.action.enum, parentSchema: schema31.properties.action, data: data2 };
        if (vErrors === null) {
          vErrors = [err14];
        } else {
          vErrors.push(err14);
        }
        errors++;
      }
    }
    if (data.subject !== void 0) {
      let data3 = data.subject;
      if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
        if (data3.environment === void 0) {
          const err15 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: "environment" }, message: "must have required property 'environment'", schema: schema31.properties.subject.required, parentSchema: schema31.properties.subject, data: data3 };
          if (vErrors === null) {
            vErrors = [err15];
          } else {
            vErrors.push(err15);
          }
          errors++;
        }
        if (data3.snapshots === void 0) {
          const err16 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: "snapshots" }, message: "must have required property 'snapshots'", schema: schema31.properties.subject.required, parentSchema: schema31.properties.subject, data: data3 };
          if (vErrors === null) {
            vErrors = [err16];
          } else {
            vErrors.push(err16);
          }
          errors++;
        }
        if (data3.policyDigest === void 0) {
          const err17 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/required", keyword: "required", params: { missingProperty: "policyDigest" }, message: "must have required property 'policyDigest'", schema: schema31.properties.subject.required, parentSchema: schema31.properties.subject, data: data3 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
        for (const key1 in data3) {
          if (!(key1 === "environment" || key1 === "snapshots" || key1 === "paths" || key1 === "policyDigest")) {
            const err18 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.subject, data: data3 };
            if (vErrors === null) {
              vErrors = [err18];
            } else {
              vErrors.push(err18);
            }
            errors++;
          }
        }
        if (data3.environment !== void 0) {
          let data4 = data3.environment;
          if (typeof data4 === "string") {
            if (!pattern5.test(data4)) {
              const err19 = { instancePath: instancePath + "/subject/environment", schemaPath: "#/properties/subject/properties/environment/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema31.properties.subject.properties.environment, data: data4 };
              if (vErrors === null) {
                vErrors = [err19];
              } else {
                vErrors.push(err19);
              }
              errors++;
            }
          } else {
            const err20 = { instancePath: instancePath + "/subject/environment", schemaPath: "#/properties/subject/properties/environment/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.subject.properties.environment.type, parentSchema: schema31.properties.subject.properties.environment, data: data4 };
            if (vErrors === null) {
              vErrors = [err20];
            } else {
              vErrors.push(err20);
            }
            errors++;
          }
        }
        if (data3.snapshots !== void 0) {
          let data5 = data3.snapshots;
          if (Array.isArray(data5)) {
            if (data5.length > 1e4) {
              const err21 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/maxItems", keyword: "maxItems", params: { limit: 1e4 }, message: "must NOT have more than 10000 items", schema: 1e4, parentSchema: schema31.properties.subject.properties.snapshots, data: data5 };
              if (vErrors === null) {
                vErrors = [err21];
              } else {
                vErrors.push(err21);
              }
              errors++;
            }
            if (data5.length < 1) {
              const err22 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items", schema: 1, parentSchema: schema31.properties.subject.properties.snapshots, data: data5 };
              if (vErrors === null) {
                vErrors = [err22];
              } else {
                vErrors.push(err22);
              }
              errors++;
            }
            const len0 = data5.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data6 = data5[i0];
              if (typeof data6 === "string") {
                if (!pattern6.test(data6)) {
                  const err23 = { instancePath: instancePath + "/subject/snapshots/" + i0, schemaPath: "#/properties/subject/properties/snapshots/items/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema31.properties.subject.properties.snapshots.items, data: data6 };
                  if (vErrors === null) {
                    vErrors = [err23];
                  } else {
                    vErrors.push(err23);
                  }
                  errors++;
                }
              } else {
                const err24 = { instancePath: instancePath + "/subject/snapshots/" + i0, schemaPath: "#/properties/subject/properties/snapshots/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.subject.properties.snapshots.items.type, parentSchema: schema31.properties.subject.properties.snapshots.items, data: data6 };
                if (vErrors === null) {
                  vErrors = [err24];
                } else {
                  vErrors.push(err24);
                }
                errors++;
              }
            }
            let i1 = data5.length;
            let j0;
            if (i1 > 1) {
              const indices0 = {};
              for (; i1--; ) {
                let item0 = data5[i1];
                if (typeof item0 !== "string") {
                  continue;
                }
                if (typeof indices0[item0] == "number") {
                  j0 = indices0[item0];
                  const err25 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/uniqueItems", keyword: "uniqueItems", params: { i: i1, j: j0 }, message: "must NOT have duplicate items (items ## " + j0 + " and " + i1 + " are identical)", schema: true, parentSchema: schema31.properties.subject.properties.snapshots, data: data5 };
                  if (vErrors === null) {
                    vErrors = [err25];
                  } else {
                    vErrors.push(err25);
                  }
                  errors++;
                  break;
                }
                indices0[item0] = i1;
              }
            }
          } else {
            const err26 = { instancePath: instancePath + "/subject/snapshots", schemaPath: "#/properties/subject/properties/snapshots/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.subject.properties.snapshots.type, parentSchema: schema31.properties.subject.properties.snapshots, data: data5 };
            if (vErrors === null) {
              vErrors = [err26];
            } else {
              vErrors.push(err26);
            }
            errors++;
          }
        }
        if (data3.paths !== void 0) {
          let data7 = data3.paths;
          if (Array.isArray(data7)) {
            const len1 = data7.length;
            for (let i2 = 0; i2 < len1; i2++) {
              let data8 = data7[i2];
              if (typeof data8 === "string") {
                if (func2(data8) > 1e3) {
                  const err27 = { instancePath: instancePath + "/subject/paths/" + i2, schemaPath: "#/properties/subject/properties/paths/items/maxLength", keyword: "maxLength", params: { limit: 1e3 }, message: "must NOT have more than 1000 characters", schema: 1e3, parentSchema: schema31.properties.subject.properties.paths.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err27];
                  } else {
                    vErrors.push(err27);
                  }
                  errors++;
                }
                if (func2(data8) < 1) {
                  const err28 = { instancePath: instancePath + "/subject/paths/" + i2, schemaPath: "#/properties/subject/properties/paths/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters", schema: 1, parentSchema: schema31.properties.subject.properties.paths.items, data: data8 };
                  if (vErrors === null) {
                    vErrors = [err28];
                  } else {
                    vErrors.push(err28);
                  }
                  errors++;
                }
              } else {
                const err29 = { instancePath: instancePath + "/subject/paths/" + i2, schemaPath: "#/properties/subject/properties/paths/items/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.subject.properties.paths.items.type, parentSchema: schema31.properties.subject.properties.paths.items, data: data8 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
          } else {
            const err30 = { instancePath: instancePath + "/subject/paths", schemaPath: "#/properties/subject/properties/paths/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.subject.properties.paths.type, parentSchema: schema31.properties.subject.properties.paths, data: data7 };
            if (vErrors === null) {
              vErrors = [err30];
            } else {
              vErrors.push(err30);
            }
            errors++;
          }
        }
        if (data3.policyDigest !== void 0) {
          let data9 = data3.policyDigest;
          const _errs21 = errors;
          let valid8 = false;
          let passing0 = null;
          const _errs22 = errors;
          if (data9 !== null) {
            const err31 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/properties/subject/properties/policyDigest/oneOf/0/type", keyword: "type", params: { type: "null" }, message: "must be null", schema: schema31.properties.subject.properties.policyDigest.oneOf[0].type, parentSchema: schema31.properties.subject.properties.policyDigest.oneOf[0], data: data9 };
            if (vErrors === null) {
              vErrors = [err31];
            } else {
              vErrors.push(err31);
            }
            errors++;
          }
          var _valid0 = _errs22 === errors;
          if (_valid0) {
            valid8 = true;
            passing0 = 0;
          }
          const _errs24 = errors;
          if (typeof data9 === "string") {
            if (!pattern7.test(data9)) {
              const err32 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/$defs/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema33, data: data9 };
              if (vErrors === null) {
                vErrors = [err32];
              } else {
                vErrors.push(err32);
              }
              errors++;
            }
          } else {
            const err33 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/$defs/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data9 };
            if (vErrors === null) {
              vErrors = [err33];
            } else {
              vErrors.push(err33);
            }
            errors++;
          }
          var _valid0 = _errs24 === errors;
          if (_valid0 && valid8) {
            valid8 = false;
            passing0 = [passing0, 1];
          } else {
            if (_valid0) {
              valid8 = true;
              passing0 = 1;
            }
          }
          if (!valid8) {
            const err34 = { instancePath: instancePath + "/subject/policyDigest", schemaPath: "#/properties/subject/properties/policyDigest/oneOf", keyword: "oneOf", params: { passingSchemas: passing0 }, message: "must match exactly one schema in oneOf", schema: schema31.properties.subject.properties.policyDigest.oneOf, parentSchema: schema31.properties.subject.properties.policyDigest, data: data9 };
            if (vErrors === null) {
              vErrors = [err34];
            } else {
              vErrors.push(err34);
            }
            errors++;
          } else {
            errors = _errs21;
            if (vErrors !== null) {
              if (_errs21) {
                vErrors.length = _errs21;
              } else {
                vErrors = null;
              }
            }
          }
        }
      } else {
        const err35 = { instancePath: instancePath + "/subject", schemaPath: "#/properties/subject/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.subject.type, parentSchema: schema31.properties.subject, data: data3 };
        if (vErrors === null) {
          vErrors = [err35];
        } else {
          vErrors.push(err35);
        }
        errors++;
      }
    }
    if (data.digest !== void 0) {
      let data10 = data.digest;
      if (typeof data10 === "string") {
        if (!pattern7.test(data10)) {
          const err36 = { instancePath: instancePath + "/digest", schemaPath: "#/$defs/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema33, data: data10 };
          if (vErrors === null) {
            vErrors = [err36];
          } else {
            vErrors.push(err36);
          }
          errors++;
        }
      } else {
        const err37 = { instancePath: instancePath + "/digest", schemaPath: "#/$defs/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data10 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
    if (data.requester !== void 0) {
      let data11 = data.requester;
      if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
        if (data11.id === void 0) {
          const err38 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema35.required, parentSchema: schema35, data: data11 };
          if (vErrors === null) {
            vErrors = [err38];
          } else {
            vErrors.push(err38);
          }
          errors++;
        }
        if (data11.login === void 0) {
          const err39 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "login" }, message: "must have required property 'login'", schema: schema35.required, parentSchema: schema35, data: data11 };
          if (vErrors === null) {
            vErrors = [err39];
          } else {
            vErrors.push(err39);
          }
          errors++;
        }
        for (const key2 in data11) {
          if (!(key2 === "id" || key2 === "login")) {
            const err40 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key2 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35, data: data11 };
            if (vErrors === null) {
              vErrors = [err40];
            } else {
              vErrors.push(err40);
            }
            errors++;
          }
        }
        if (data11.id !== void 0) {
          let data12 = data11.id;
          if (!(typeof data12 == "number" && (!(data12 % 1) && !isNaN(data12)) && isFinite(data12))) {
            const err41 = { instancePath: instancePath + "/requester/id", schemaPath: "#/$defs/user/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema35.properties.id.type, parentSchema: schema35.properties.id, data: data12 };
            if (vErrors === null) {
              vErrors = [err41];
            } else {
              vErrors.push(err41);
            }
            errors++;
          }
          if (typeof data12 == "number" && isFinite(data12)) {
            if (data12 < 1 || isNaN(data12)) {
              const err42 = { instancePath: instancePath + "/requester/id", schemaPath: "#/$defs/user/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema35.properties.id, data: data12 };
              if (vErrors === null) {
                vErrors = [err42];
              } else {
                vErrors.push(err42);
              }
              errors++;
            }
          }
        }
        if (data11.login !== void 0) {
          let data13 = data11.login;
          if (typeof data13 === "string") {
            if (!pattern9.test(data13)) {
              const err43 = { instancePath: instancePath + "/requester/login", schemaPath: "#/$defs/user/properties/login/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$", parentSchema: schema35.properties.login, data: data13 };
              if (vErrors === null) {
                vErrors = [err43];
              } else {
                vErrors.push(err43);
              }
              errors++;
            }
          } else {
            const err44 = { instancePath: instancePath + "/requester/login", schemaPath: "#/$defs/user/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.login.type, parentSchema: schema35.properties.login, data: data13 };
            if (vErrors === null) {
              vErrors = [err44];
            } else {
              vErrors.push(err44);
            }
            errors++;
          }
        }
      } else {
        const err45 = { instancePath: instancePath + "/requester", schemaPath: "#/$defs/user/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.type, parentSchema: schema35, data: data11 };
        if (vErrors === null) {
          vErrors = [err45];
        } else {
          vErrors.push(err45);
        }
        errors++;
      }
    }
    if (data.reason !== void 0) {
      let data14 = data.reason;
      if (typeof data14 === "string") {
        if (func2(data14) > 2e3) {
          const err46 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters", schema: 2e3, parentSchema: schema31.properties.reason, data: data14 };
          if (vErrors === null) {
            vErrors = [err46];
          } else {
            vErrors.push(err46);
          }
          errors++;
        }
      } else {
        const err47 = { instancePath: instancePath + "/reason", schemaPath: "#/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.reason.type, parentSchema: schema31.properties.reason, data: data14 };
        if (vErrors === null) {
          vErrors = [err47];
        } else {
          vErrors.push(err47);
        }
        errors++;
      }
    }
    if (data.createdAt !== void 0) {
      let data15 = data.createdAt;
      if (typeof data15 === "string") {
        if (!formats0.validate(data15)) {
          const err48 = { instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.createdAt, data: data15 };
          if (vErrors === null) {
            vErrors = [err48];
          } else {
            vErrors.push(err48);
          }
          errors++;
        }
      } else {
        const err49 = { instancePath: instancePath + "/createdAt", schemaPath: "#/properties/createdAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.createdAt.type, parentSchema: schema31.properties.createdAt, data: data15 };
        if (vErrors === null) {
          vErrors = [err49];
        } else {
          vErrors.push(err49);
        }
        errors++;
      }
    }
    if (data.expiresAt !== void 0) {
      let data16 = data.expiresAt;
      if (typeof data16 === "string") {
        if (!formats0.validate(data16)) {
          const err50 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.expiresAt, data: data16 };
          if (vErrors === null) {
            vErrors = [err50];
          } else {
            vErrors.push(err50);
          }
          errors++;
        }
      } else {
        const err51 = { instancePath: instancePath + "/expiresAt", schemaPath: "#/properties/expiresAt/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.expiresAt.type, parentSchema: schema31.properties.expiresAt, data: data16 };
        if (vErrors === null) {
          vErrors = [err51];
        } else {
          vErrors.push(err51);
        }
        errors++;
      }
    }
    if (data.approvals !== void 0) {
      let data17 = data.approvals;
      if (Array.isArray(data17)) {
        if (data17.length > 100) {
          const err52 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema31.properties.approvals, data: data17 };
          if (vErrors === null) {
            vErrors = [err52];
          } else {
            vErrors.push(err52);
          }
          errors++;
        }
        const len2 = data17.length;
        for (let i3 = 0; i3 < len2; i3++) {
          let data18 = data17[i3];
          if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
            if (data18.user === void 0) {
              const err53 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/required", keyword: "required", params: { missingProperty: "user" }, message: "must have required property 'user'", schema: schema31.properties.approvals.items.required, parentSchema: schema31.properties.approvals.items, data: data18 };
              if (vErrors === null) {
                vErrors = [err53];
              } else {
                vErrors.push(err53);
              }
              errors++;
            }
            if (data18.at === void 0) {
              const err54 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/required", keyword: "required", params: { missingProperty: "at" }, message: "must have required property 'at'", schema: schema31.properties.approvals.items.required, parentSchema: schema31.properties.approvals.items, data: data18 };
              if (vErrors === null) {
                vErrors = [err54];
              } else {
                vErrors.push(err54);
              }
              errors++;
            }
            if (data18.digest === void 0) {
              const err55 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/required", keyword: "required", params: { missingProperty: "digest" }, message: "must have required property 'digest'", schema: schema31.properties.approvals.items.required, parentSchema: schema31.properties.approvals.items, data: data18 };
              if (vErrors === null) {
                vErrors = [err55];
              } else {
                vErrors.push(err55);
              }
              errors++;
            }
            for (const key3 in data18) {
              if (!(key3 === "user" || key3 === "at" || key3 === "digest")) {
                const err56 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key3 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.approvals.items, data: data18 };
                if (vErrors === null) {
                  vErrors = [err56];
                } else {
                  vErrors.push(err56);
                }
                errors++;
              }
            }
            if (data18.user !== void 0) {
              let data19 = data18.user;
              if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
                if (data19.id === void 0) {
                  const err57 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "id" }, message: "must have required property 'id'", schema: schema35.required, parentSchema: schema35, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err57];
                  } else {
                    vErrors.push(err57);
                  }
                  errors++;
                }
                if (data19.login === void 0) {
                  const err58 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/required", keyword: "required", params: { missingProperty: "login" }, message: "must have required property 'login'", schema: schema35.required, parentSchema: schema35, data: data19 };
                  if (vErrors === null) {
                    vErrors = [err58];
                  } else {
                    vErrors.push(err58);
                  }
                  errors++;
                }
                for (const key4 in data19) {
                  if (!(key4 === "id" || key4 === "login")) {
                    const err59 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key4 }, message: "must NOT have additional properties", schema: false, parentSchema: schema35, data: data19 };
                    if (vErrors === null) {
                      vErrors = [err59];
                    } else {
                      vErrors.push(err59);
                    }
                    errors++;
                  }
                }
                if (data19.id !== void 0) {
                  let data20 = data19.id;
                  if (!(typeof data20 == "number" && (!(data20 % 1) && !isNaN(data20)) && isFinite(data20))) {
                    const err60 = { instancePath: instancePath + "/approvals/" + i3 + "/user/id", schemaPath: "#/$defs/user/properties/id/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema35.properties.id.type, parentSchema: schema35.properties.id, data: data20 };
                    if (vErrors === null) {
                      vErrors = [err60];
                    } else {
                      vErrors.push(err60);
                    }
                    errors++;
                  }
                  if (typeof data20 == "number" && isFinite(data20)) {
                    if (data20 < 1 || isNaN(data20)) {
                      const err61 = { instancePath: instancePath + "/approvals/" + i3 + "/user/id", schemaPath: "#/$defs/user/properties/id/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema35.properties.id, data: data20 };
                      if (vErrors === null) {
                        vErrors = [err61];
                      } else {
                        vErrors.push(err61);
                      }
                      errors++;
                    }
                  }
                }
                if (data19.login !== void 0) {
                  let data21 = data19.login;
                  if (typeof data21 === "string") {
                    if (!pattern9.test(data21)) {
                      const err62 = { instancePath: instancePath + "/approvals/" + i3 + "/user/login", schemaPath: "#/$defs/user/properties/login/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$" }, message: 'must match pattern "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$"', schema: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(\\[bot\\])?$", parentSchema: schema35.properties.login, data: data21 };
                      if (vErrors === null) {
                        vErrors = [err62];
                      } else {
                        vErrors.push(err62);
                      }
                      errors++;
                    }
                  } else {
                    const err63 = { instancePath: instancePath + "/approvals/" + i3 + "/user/login", schemaPath: "#/$defs/user/properties/login/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema35.properties.login.type, parentSchema: schema35.properties.login, data: data21 };
                    if (vErrors === null) {
                      vErrors = [err63];
                    } else {
                      vErrors.push(err63);
                    }
                    errors++;
                  }
                }
              } else {
                const err64 = { instancePath: instancePath + "/approvals/" + i3 + "/user", schemaPath: "#/$defs/user/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema35.type, parentSchema: schema35, data: data19 };
                if (vErrors === null) {
                  vErrors = [err64];
                } else {
                  vErrors.push(err64);
                }
                errors++;
              }
            }
            if (data18.at !== void 0) {
              let data22 = data18.at;
              if (typeof data22 === "string") {
                if (!formats0.validate(data22)) {
                  const err65 = { instancePath: instancePath + "/approvals/" + i3 + "/at", schemaPath: "#/properties/approvals/items/properties/at/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.approvals.items.properties.at, data: data22 };
                  if (vErrors === null) {
                    vErrors = [err65];
                  } else {
                    vErrors.push(err65);
                  }
                  errors++;
                }
              } else {
                const err66 = { instancePath: instancePath + "/approvals/" + i3 + "/at", schemaPath: "#/properties/approvals/items/properties/at/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.approvals.items.properties.at.type, parentSchema: schema31.properties.approvals.items.properties.at, data: data22 };
                if (vErrors === null) {
                  vErrors = [err66];
                } else {
                  vErrors.push(err66);
                }
                errors++;
              }
            }
            if (data18.digest !== void 0) {
              let data23 = data18.digest;
              if (typeof data23 === "string") {
                if (!pattern7.test(data23)) {
                  const err67 = { instancePath: instancePath + "/approvals/" + i3 + "/digest", schemaPath: "#/$defs/digest/pattern", keyword: "pattern", params: { pattern: "^sha256:[0-9a-f]{64}$" }, message: 'must match pattern "^sha256:[0-9a-f]{64}$"', schema: "^sha256:[0-9a-f]{64}$", parentSchema: schema33, data: data23 };
                  if (vErrors === null) {
                    vErrors = [err67];
                  } else {
                    vErrors.push(err67);
                  }
                  errors++;
                }
              } else {
                const err68 = { instancePath: instancePath + "/approvals/" + i3 + "/digest", schemaPath: "#/$defs/digest/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema33.type, parentSchema: schema33, data: data23 };
                if (vErrors === null) {
                  vErrors = [err68];
                } else {
                  vErrors.push(err68);
                }
                errors++;
              }
            }
          } else {
            const err69 = { instancePath: instancePath + "/approvals/" + i3, schemaPath: "#/properties/approvals/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.approvals.items.type, parentSchema: schema31.properties.approvals.items, data: data18 };
            if (vErrors === null) {
              vErrors = [err69];
            } else {
              vErrors.push(err69);
            }
            errors++;
          }
        }
      } else {
        const err70 = { instancePath: instancePath + "/approvals", schemaPath: "#/properties/approvals/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.approvals.type, parentSchema: schema31.properties.approvals, data: data17 };
        if (vErrors === null) {
          vErrors = [err70];
        } else {
          vErrors.push(err70);
        }
        errors++;
      }
    }
    if (data.signature !== void 0) {
      let data24 = data.signature;
      if (data24 && typeof data24 == "object" && !Array.isArray(data24)) {
        if (data24.alg === void 0) {
          const err71 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "alg" }, message: "must have required property 'alg'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data24 };
          if (vErrors === null) {
            vErrors = [err71];
          } else {
            vErrors.push(err71);
          }
          errors++;
        }
        if (data24.key === void 0) {
          const err72 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "key" }, message: "must have required property 'key'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data24 };
          if (vErrors === null) {
            vErrors = [err72];
          } else {
            vErrors.push(err72);
          }
          errors++;
        }
        if (data24.value === void 0) {
          const err73 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/required", keyword: "required", params: { missingProperty: "value" }, message: "must have required property 'value'", schema: schema31.properties.signature.required, parentSchema: schema31.properties.signature, data: data24 };
          if (vErrors === null) {
            vErrors = [err73];
          } else {
            vErrors.push(err73);
          }
          errors++;
        }
        for (const key5 in data24) {
          if (!(key5 === "alg" || key5 === "key" || key5 === "value")) {
            const err74 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key5 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.signature, data: data24 };
            if (vErrors === null) {
              vErrors = [err74];
            } else {
              vErrors.push(err74);
            }
            errors++;
          }
        }
        if (data24.alg !== void 0) {
          let data25 = data24.alg;
          if ("ed25519" !== data25) {
            const err75 = { instancePath: instancePath + "/signature/alg", schemaPath: "#/properties/signature/properties/alg/const", keyword: "const", params: { allowedValue: "ed25519" }, message: "must be equal to constant", schema: "ed25519", parentSchema: schema31.properties.signature.properties.alg, data: data25 };
            if (vErrors === null) {
              vErrors = [err75];
            } else {
              vErrors.push(err75);
            }
            errors++;
          }
        }
        if (data24.key !== void 0) {
          let data26 = data24.key;
          if (typeof data26 === "string") {
            if (!pattern12.test(data26)) {
              const err76 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/pattern", keyword: "pattern", params: { pattern: "^sga1[02-9ac-hj-np-z]{58}$" }, message: 'must match pattern "^sga1[02-9ac-hj-np-z]{58}$"', schema: "^sga1[02-9ac-hj-np-z]{58}$", parentSchema: schema31.properties.signature.properties.key, data: data26 };
              if (vErrors === null) {
                vErrors = [err76];
              } else {
                vErrors.push(err76);
              }
              errors++;
            }
          } else {
            const err77 = { instancePath: instancePath + "/signature/key", schemaPath: "#/properties/signature/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.signature.properties.key.type, parentSchema: schema31.properties.signature.properties.key, data: data26 };
            if (vErrors === null) {
              vErrors = [err77];
            } else {
              vErrors.push(err77);
            }
            errors++;
          }
        }
        if (data24.value !== void 0) {
          let data27 = data24.value;
          if (typeof data27 === "string") {
            if (!pattern13.test(data27)) {
              const err78 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9+/]{86}==$" }, message: 'must match pattern "^[A-Za-z0-9+/]{86}==$"', schema: "^[A-Za-z0-9+/]{86}==$", parentSchema: schema31.properties.signature.properties.value, data: data27 };
              if (vErrors === null) {
                vErrors = [err78];
              } else {
                vErrors.push(err78);
              }
              errors++;
            }
          } else {
            const err79 = { instancePath: instancePath + "/signature/value", schemaPath: "#/properties/signature/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.signature.properties.value.type, parentSchema: schema31.properties.signature.properties.value, data: data27 };
            if (vErrors === null) {
              vErrors = [err79];
            } else {
              vErrors.push(err79);
            }
            errors++;
          }
        }
      } else {
        const err80 = { instancePath: instancePath + "/signature", schemaPath: "#/properties/signature/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.signature.type, parentSchema: schema31.properties.signature, data: data24 };
        if (vErrors === null) {
          vErrors = [err80];
        } else {
          vErrors.push(err80);
        }
        errors++;
      }
    }
    if (data.state !== void 0) {
      let data28 = data.state;
      if (!(data28 === "pending" || data28 === "approved" || data28 === "denied" || data28 === "cancelled" || data28 === "expired" || data28 === "executed")) {
        const err81 = { instancePath: instancePath + "/state", schemaPath: "#/properties/state/enum", keyword: "enum", params: { allowedValues: schema31.properties.state.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.state.enum, parentSchema: schema31.properties.state, data: data28 };
        if (vErrors === null) {
          vErrors = [err81];
        } else {
          vErrors.push(err81);
        }
        errors++;
      }
    }
  } else {
    const err82 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err82];
    } else {
      vErrors.push(err82);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/approvals/approval-request.ts
var REQUEST_FORMAT = "snapgate.request/v1";
var validator = new JsonSchemaValidator(
  () => request_validator_default
);
function requestPath(id) {
  return `requests/${id}.json`;
}
async function readApprovalRequest(store, id) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(id)) {
    throw new SnapgateError("USAGE", `'${id}' is not a request id.`, {
      fix: "Give the id of the approved request (letters, digits, '.', '_', '-'), as the app shows it."
    });
  }
  const bytes = await store.readRecord(requestPath(id));
  if (!bytes) {
    throw new SnapgateError("NOT_FOUND", `There is no request ${id} in ${store.location}.`, {
      fix: `Check the id; the app writes approved requests to ${requestPath(id)}.`
    });
  }
  let value;
  try {
    value = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    value = void 0;
  }
  const checked = validator.check(value);
  if (!checked.ok) {
    const first = checked.problems.slice(0, 3).map((problem) => `${problem.instancePath} ${problem.message}`).join("; ");
    throw new SnapgateError(
      "INTEGRITY",
      `The request ${id} is not a valid ${REQUEST_FORMAT} record: ${first}.`,
      {
        fix: "Ask for a new request through the app; do not act on a damaged record.",
        details: { problems: checked.problems }
      }
    );
  }
  return checked.value;
}

// core/approvals/request-digest.ts
function requestDigest(request) {
  const subject = {
    ...request.subject,
    snapshots: [...request.subject.snapshots].sort()
  };
  return `sha256:${sha256Hex(
    canonicalJson({
      format: request.format,
      id: request.id,
      action: request.action,
      subject,
      requester: request.requester,
      createdAt: request.createdAt,
      expiresAt: request.expiresAt
    })
  )}`;
}

// core/approvals/request-signature.ts
function assertRequestSigned(sodium, request, appKeys) {
  const refuse = (why, fix) => {
    throw new SnapgateError(
      "INTEGRITY",
      `Request ${request.id} cannot be trusted: ${why}. Nothing was done.`,
      { fix, details: { request: request.id } }
    );
  };
  const askAgain = "Do not act on it: anyone who can write the store could have made it. Ask for the request again through the Snapgate App, which signs the records it writes.";
  if (appKeys.length === 0) {
    refuse(
      "the policy lists no app key (keys.app) to check its signature with",
      "Create the app key with `snapgate keygen --app --out FILE`, give it to the Snapgate App (SNAPGATE_SIGNING_KEY), and add its verify key (sga1...) to keys.app in .github/snapgate.yml."
    );
  }
  const signature = request.signature;
  if (!signature) refuse("it is not signed by the Snapgate App", askAgain);
  const { key, alg, value } = signature;
  if (!appKeys.includes(key)) {
    refuse(
      `it is signed by ${key.slice(0, 16)}..., which is not an app key of the policy (keys.app)`,
      askAgain
    );
  }
  const { signature: _signature, ...body } = request;
  let valid;
  try {
    valid = alg === "ed25519" && sodium.crypto_sign_verify_detached(
      Buffer.from(value, "base64"),
      new TextEncoder().encode(canonicalJson(body)),
      parseAppVerifyKey(key)
    );
  } catch {
    valid = false;
  }
  if (!valid) refuse("its signature does not match its contents (it was altered)", askAgain);
}

// core/approvals/check-approval.ts
function checkApproval(sodium, request, expected) {
  assertRequestSigned(sodium, request, expected.appKeys);
  const problems = [];
  const digest = requestDigest(request);
  if (request.digest !== digest)
    problems.push("its digest does not match its contents (the record was altered after approval)");
  if (request.state !== "approved") problems.push(`its state is ${request.state}, not approved`);
  if (request.action !== expected.action)
    problems.push(`it asks to ${request.action}, not to ${expected.action}`);
  if (request.subject.environment !== expected.environment)
    problems.push(
      `it is for environment ${request.subject.environment}, not ${expected.environment}`
    );
  const asked = new Set(request.subject.snapshots);
  const wanted = new Set(expected.snapshots);
  const extra = [...asked].filter((id) => !wanted.has(id));
  const missing = [...wanted].filter((id) => !asked.has(id));
  if (missing.length > 0)
    problems.push(`it does not cover ${missing.length} snapshot(s): ${shortList(missing)}`);
  if (extra.length > 0)
    problems.push(
      `it names ${extra.length} snapshot(s) not being ${expected.action === "forget" ? "forgotten" : "restored"}: ${shortList(extra)}`
    );
  if (expected.paths !== void 0) {
    const askedPaths = new Set(request.subject.paths ?? []);
    const wantedPaths = new Set(expected.paths);
    const same = askedPaths.size === wantedPaths.size && [...wantedPaths].every((path) => askedPaths.has(path));
    if (!same)
      problems.push(`it covers ${describePaths(askedPaths)}, not ${describePaths(wantedPaths)}`);
  }
  if (request.subject.policyDigest !== expected.policyDigest)
    problems.push("it was approved under another version of the policy");
  const created = Date.parse(request.createdAt);
  const expires = Date.parse(request.expiresAt);
  const now = expected.now.getTime();
  if (!(now < expires)) problems.push(`it expired at ${request.expiresAt}`);
  if (now < created) problems.push(`it was created in the future (${request.createdAt})`);
  const counted = /* @__PURE__ */ new Map();
  for (const approval of request.approvals) {
    const at = Date.parse(approval.at);
    if (approval.user.id === request.requester.id) continue;
    if (approval.user.login.endsWith("[bot]")) continue;
    if (approval.digest !== digest) continue;
    if (at < created || at >= expires || at > now) continue;
    counted.set(approval.user.id, approval.user.login);
  }
  if (counted.size < expected.requiredApprovals) {
    problems.push(
      `it has ${counted.size} valid approval(s) by distinct users other than the requester; the tier needs ${expected.requiredApprovals}`
    );
  }
  if (problems.length > 0) {
    throw new SnapgateError(
      "POLICY",
      `Request ${request.id} does not allow this ${expected.action}: ${problems.join("; ")}.`,
      {
        fix: `Ask for a new ${expected.action} request through the app for exactly these snapshots, and have it approved by ${expected.requiredApprovals} other people.`,
        details: { request: request.id, problems }
      }
    );
  }
  return { approvers: [...counted.values()] };
}
function describePaths(paths) {
  return paths.size === 0 ? "every path" : `the paths ${[...paths].sort().join(" ")}`;
}
function shortList(ids) {
  return ids.slice(0, 3).map((id) => id.slice(0, 12)).join(", ") + (ids.length > 3 ? ", ..." : "");
}

export {
  readApprovalRequest,
  checkApproval
};
