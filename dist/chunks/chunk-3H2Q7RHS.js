import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  appendAuditEvents
} from "./chunk-I227H2ZL.js";
import {
  JsonSchemaValidator
} from "./chunk-L3YJLP3Q.js";
import {
  require_formats,
  require_ucs2length
} from "./chunk-MVZIGVV4.js";
import {
  __toESM
} from "./chunk-H5NHOGLY.js";

// core/generated/verification-validator.ts
var import_ucs2length = __toESM(require_ucs2length(), 1);
var import_formats = __toESM(require_formats(), 1);
var verification_validator_default = validate20;
var schema31 = { "$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://snapgate.dev/schemas/verification.schema.json", "title": "Snapgate verification record (snapgate.verification/v1)", "description": "records/verifications/<snapshot id>/<time>.json: the outcome of `snapgate verify --record` for one snapshot. The gate reads the newest restore-level record of an environment.", "type": "object", "additionalProperties": false, "required": ["format", "snapshot", "stream", "seq", "level", "ok", "time", "blobsChecked", "bytesChecked", "problems"], "properties": { "format": { "const": "snapgate.verification/v1" }, "snapshot": { "type": "string", "pattern": "^[0-9a-f]{64}$" }, "stream": { "type": "string", "pattern": "^[a-z0-9][a-z0-9._-]{0,62}$" }, "seq": { "type": "integer", "minimum": 1 }, "level": { "enum": ["structure", "restore"] }, "ok": { "type": "boolean" }, "time": { "type": "string", "format": "date-time" }, "blobsChecked": { "type": "integer", "minimum": 0 }, "bytesChecked": { "type": "integer", "minimum": 0 }, "problems": { "type": "array", "maxItems": 100, "items": { "type": "object", "additionalProperties": false, "required": ["kind", "message"], "properties": { "kind": { "type": "string", "maxLength": 50 }, "message": { "type": "string", "maxLength": 2e3 }, "path": { "type": "string", "maxLength": 4096 } } } } } };
var func1 = Object.prototype.hasOwnProperty;
var func2 = import_ucs2length.default.default;
var pattern4 = new RegExp("^[0-9a-f]{64}$", "u");
var pattern5 = new RegExp("^[a-z0-9][a-z0-9._-]{0,62}$", "u");
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
    if (data.snapshot === void 0) {
      const err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "snapshot" }, message: "must have required property 'snapshot'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    if (data.stream === void 0) {
      const err2 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "stream" }, message: "must have required property 'stream'", schema: schema31.required, parentSchema: schema31, data };
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
    if (data.level === void 0) {
      const err4 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "level" }, message: "must have required property 'level'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err4];
      } else {
        vErrors.push(err4);
      }
      errors++;
    }
    if (data.ok === void 0) {
      const err5 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "ok" }, message: "must have required property 'ok'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err5];
      } else {
        vErrors.push(err5);
      }
      errors++;
    }
    if (data.time === void 0) {
      const err6 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "time" }, message: "must have required property 'time'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err6];
      } else {
        vErrors.push(err6);
      }
      errors++;
    }
    if (data.blobsChecked === void 0) {
      const err7 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "blobsChecked" }, message: "must have required property 'blobsChecked'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err7];
      } else {
        vErrors.push(err7);
      }
      errors++;
    }
    if (data.bytesChecked === void 0) {
      const err8 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "bytesChecked" }, message: "must have required property 'bytesChecked'", schema: schema31.required, parentSchema: schema31, data };
      if (vErrors === null) {
        vErrors = [err8];
      } else {
        vErrors.push(err8);
      }
      errors++;
    }
    if (data.problems === void 0) {
      const err9 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "problems" }, message: "must have required property 'problems'", schema: schema31.required, parentSchema: schema31, data };
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
      if ("snapgate.verification/v1" !== data0) {
        const err11 = { instancePath: instancePath + "/format", schemaPath: "#/properties/format/const", keyword: "const", params: { allowedValue: "snapgate.verification/v1" }, message: "must be equal to constant", schema: "snapgate.verification/v1", parentSchema: schema31.properties.format, data: data0 };
        if (vErrors === null) {
          vErrors = [err11];
        } else {
          vErrors.push(err11);
        }
        errors++;
      }
    }
    if (data.snapshot !== void 0) {
      let data1 = data.snapshot;
      if (typeof data1 === "string") {
        if (!pattern4.test(data1)) {
          const err12 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/pattern", keyword: "pattern", params: { pattern: "^[0-9a-f]{64}$" }, message: 'must match pattern "^[0-9a-f]{64}$"', schema: "^[0-9a-f]{64}$", parentSchema: schema31.properties.snapshot, data: data1 };
          if (vErrors === null) {
            vErrors = [err12];
          } else {
            vErrors.push(err12);
          }
          errors++;
        }
      } else {
        const err13 = { instancePath: instancePath + "/snapshot", schemaPath: "#/properties/snapshot/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.snapshot.type, parentSchema: schema31.properties.snapshot, data: data1 };
        if (vErrors === null) {
          vErrors = [err13];
        } else {
          vErrors.push(err13);
        }
        errors++;
      }
    }
    if (data.stream !== void 0) {
      let data2 = data.stream;
      if (typeof data2 === "string") {
        if (!pattern5.test(data2)) {
          const err14 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9][a-z0-9._-]{0,62}$" }, message: 'must match pattern "^[a-z0-9][a-z0-9._-]{0,62}$"', schema: "^[a-z0-9][a-z0-9._-]{0,62}$", parentSchema: schema31.properties.stream, data: data2 };
          if (vErrors === null) {
            vErrors = [err14];
          } else {
            vErrors.push(err14);
          }
          errors++;
        }
      } else {
        const err15 = { instancePath: instancePath + "/stream", schemaPath: "#/properties/stream/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.stream.type, parentSchema: schema31.properties.stream, data: data2 };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
    if (data.seq !== void 0) {
      let data3 = data.seq;
      if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
        const err16 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.seq.type, parentSchema: schema31.properties.seq, data: data3 };
        if (vErrors === null) {
          vErrors = [err16];
        } else {
          vErrors.push(err16);
        }
        errors++;
      }
      if (typeof data3 == "number" && isFinite(data3)) {
        if (data3 < 1 || isNaN(data3)) {
          const err17 = { instancePath: instancePath + "/seq", schemaPath: "#/properties/seq/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1", schema: 1, parentSchema: schema31.properties.seq, data: data3 };
          if (vErrors === null) {
            vErrors = [err17];
          } else {
            vErrors.push(err17);
          }
          errors++;
        }
      }
    }
    if (data.level !== void 0) {
      let data4 = data.level;
      if (!(data4 === "structure" || data4 === "restore")) {
        const err18 = { instancePath: instancePath + "/level", schemaPath: "#/properties/level/enum", keyword: "enum", params: { allowedValues: schema31.properties.level.enum }, message: "must be equal to one of the allowed values", schema: schema31.properties.level.enum, parentSchema: schema31.properties.level, data: data4 };
        if (vErrors === null) {
          vErrors = [err18];
        } else {
          vErrors.push(err18);
        }
        errors++;
      }
    }
    if (data.ok !== void 0) {
      let data5 = data.ok;
      if (typeof data5 !== "boolean") {
        const err19 = { instancePath: instancePath + "/ok", schemaPath: "#/properties/ok/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean", schema: schema31.properties.ok.type, parentSchema: schema31.properties.ok, data: data5 };
        if (vErrors === null) {
          vErrors = [err19];
        } else {
          vErrors.push(err19);
        }
        errors++;
      }
    }
    if (data.time !== void 0) {
      let data6 = data.time;
      if (typeof data6 === "string") {
        if (!formats0.validate(data6)) {
          const err20 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"', schema: "date-time", parentSchema: schema31.properties.time, data: data6 };
          if (vErrors === null) {
            vErrors = [err20];
          } else {
            vErrors.push(err20);
          }
          errors++;
        }
      } else {
        const err21 = { instancePath: instancePath + "/time", schemaPath: "#/properties/time/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.time.type, parentSchema: schema31.properties.time, data: data6 };
        if (vErrors === null) {
          vErrors = [err21];
        } else {
          vErrors.push(err21);
        }
        errors++;
      }
    }
    if (data.blobsChecked !== void 0) {
      let data7 = data.blobsChecked;
      if (!(typeof data7 == "number" && (!(data7 % 1) && !isNaN(data7)) && isFinite(data7))) {
        const err22 = { instancePath: instancePath + "/blobsChecked", schemaPath: "#/properties/blobsChecked/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.blobsChecked.type, parentSchema: schema31.properties.blobsChecked, data: data7 };
        if (vErrors === null) {
          vErrors = [err22];
        } else {
          vErrors.push(err22);
        }
        errors++;
      }
      if (typeof data7 == "number" && isFinite(data7)) {
        if (data7 < 0 || isNaN(data7)) {
          const err23 = { instancePath: instancePath + "/blobsChecked", schemaPath: "#/properties/blobsChecked/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.blobsChecked, data: data7 };
          if (vErrors === null) {
            vErrors = [err23];
          } else {
            vErrors.push(err23);
          }
          errors++;
        }
      }
    }
    if (data.bytesChecked !== void 0) {
      let data8 = data.bytesChecked;
      if (!(typeof data8 == "number" && (!(data8 % 1) && !isNaN(data8)) && isFinite(data8))) {
        const err24 = { instancePath: instancePath + "/bytesChecked", schemaPath: "#/properties/bytesChecked/type", keyword: "type", params: { type: "integer" }, message: "must be integer", schema: schema31.properties.bytesChecked.type, parentSchema: schema31.properties.bytesChecked, data: data8 };
        if (vErrors === null) {
          vErrors = [err24];
        } else {
          vErrors.push(err24);
        }
        errors++;
      }
      if (typeof data8 == "number" && isFinite(data8)) {
        if (data8 < 0 || isNaN(data8)) {
          const err25 = { instancePath: instancePath + "/bytesChecked", schemaPath: "#/properties/bytesChecked/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0", schema: 0, parentSchema: schema31.properties.bytesChecked, data: data8 };
          if (vErrors === null) {
            vErrors = [err25];
          } else {
            vErrors.push(err25);
          }
          errors++;
        }
      }
    }
    if (data.problems !== void 0) {
      let data9 = data.problems;
      if (Array.isArray(data9)) {
        if (data9.length > 100) {
          const err26 = { instancePath: instancePath + "/problems", schemaPath: "#/properties/problems/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items", schema: 100, parentSchema: schema31.properties.problems, data: data9 };
          if (vErrors === null) {
            vErrors = [err26];
          } else {
            vErrors.push(err26);
          }
          errors++;
        }
        const len0 = data9.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data10 = data9[i0];
          if (data10 && typeof data10 == "object" && !Array.isArray(data10)) {
            if (data10.kind === void 0) {
              const err27 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/required", keyword: "required", params: { missingProperty: "kind" }, message: "must have required property 'kind'", schema: schema31.properties.problems.items.required, parentSchema: schema31.properties.problems.items, data: data10 };
              if (vErrors === null) {
                vErrors = [err27];
              } else {
                vErrors.push(err27);
              }
              errors++;
            }
            if (data10.message === void 0) {
              const err28 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/required", keyword: "required", params: { missingProperty: "message" }, message: "must have required property 'message'", schema: schema31.properties.problems.items.required, parentSchema: schema31.properties.problems.items, data: data10 };
              if (vErrors === null) {
                vErrors = [err28];
              } else {
                vErrors.push(err28);
              }
              errors++;
            }
            for (const key1 in data10) {
              if (!(key1 === "kind" || key1 === "message" || key1 === "path")) {
                const err29 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: key1 }, message: "must NOT have additional properties", schema: false, parentSchema: schema31.properties.problems.items, data: data10 };
                if (vErrors === null) {
                  vErrors = [err29];
                } else {
                  vErrors.push(err29);
                }
                errors++;
              }
            }
            if (data10.kind !== void 0) {
              let data11 = data10.kind;
              if (typeof data11 === "string") {
                if (func2(data11) > 50) {
                  const err30 = { instancePath: instancePath + "/problems/" + i0 + "/kind", schemaPath: "#/properties/problems/items/properties/kind/maxLength", keyword: "maxLength", params: { limit: 50 }, message: "must NOT have more than 50 characters", schema: 50, parentSchema: schema31.properties.problems.items.properties.kind, data: data11 };
                  if (vErrors === null) {
                    vErrors = [err30];
                  } else {
                    vErrors.push(err30);
                  }
                  errors++;
                }
              } else {
                const err31 = { instancePath: instancePath + "/problems/" + i0 + "/kind", schemaPath: "#/properties/problems/items/properties/kind/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.problems.items.properties.kind.type, parentSchema: schema31.properties.problems.items.properties.kind, data: data11 };
                if (vErrors === null) {
                  vErrors = [err31];
                } else {
                  vErrors.push(err31);
                }
                errors++;
              }
            }
            if (data10.message !== void 0) {
              let data12 = data10.message;
              if (typeof data12 === "string") {
                if (func2(data12) > 2e3) {
                  const err32 = { instancePath: instancePath + "/problems/" + i0 + "/message", schemaPath: "#/properties/problems/items/properties/message/maxLength", keyword: "maxLength", params: { limit: 2e3 }, message: "must NOT have more than 2000 characters", schema: 2e3, parentSchema: schema31.properties.problems.items.properties.message, data: data12 };
                  if (vErrors === null) {
                    vErrors = [err32];
                  } else {
                    vErrors.push(err32);
                  }
                  errors++;
                }
              } else {
                const err33 = { instancePath: instancePath + "/problems/" + i0 + "/message", schemaPath: "#/properties/problems/items/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.problems.items.properties.message.type, parentSchema: schema31.properties.problems.items.properties.message, data: data12 };
                if (vErrors === null) {
                  vErrors = [err33];
                } else {
                  vErrors.push(err33);
                }
                errors++;
              }
            }
            if (data10.path !== void 0) {
              let data13 = data10.path;
              if (typeof data13 === "string") {
                if (func2(data13) > 4096) {
                  const err34 = { instancePath: instancePath + "/problems/" + i0 + "/path", schemaPath: "#/properties/problems/items/properties/path/maxLength", keyword: "maxLength", params: { limit: 4096 }, message: "must NOT have more than 4096 characters", schema: 4096, parentSchema: schema31.properties.problems.items.properties.path, data: data13 };
                  if (vErrors === null) {
                    vErrors = [err34];
                  } else {
                    vErrors.push(err34);
                  }
                  errors++;
                }
              } else {
                const err35 = { instancePath: instancePath + "/problems/" + i0 + "/path", schemaPath: "#/properties/problems/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string", schema: schema31.properties.problems.items.properties.path.type, parentSchema: schema31.properties.problems.items.properties.path, data: data13 };
                if (vErrors === null) {
                  vErrors = [err35];
                } else {
                  vErrors.push(err35);
                }
                errors++;
              }
            }
          } else {
            const err36 = { instancePath: instancePath + "/problems/" + i0, schemaPath: "#/properties/problems/items/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.properties.problems.items.type, parentSchema: schema31.properties.problems.items, data: data10 };
            if (vErrors === null) {
              vErrors = [err36];
            } else {
              vErrors.push(err36);
            }
            errors++;
          }
        }
      } else {
        const err37 = { instancePath: instancePath + "/problems", schemaPath: "#/properties/problems/type", keyword: "type", params: { type: "array" }, message: "must be array", schema: schema31.properties.problems.type, parentSchema: schema31.properties.problems, data: data9 };
        if (vErrors === null) {
          vErrors = [err37];
        } else {
          vErrors.push(err37);
        }
        errors++;
      }
    }
  } else {
    const err38 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object", schema: schema31.type, parentSchema: schema31, data };
    if (vErrors === null) {
      vErrors = [err38];
    } else {
      vErrors.push(err38);
    }
    errors++;
  }
  validate20.errors = vErrors;
  return errors === 0;
}
validate20.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };

// core/snapshot/verification-record.ts
var VERIFICATION_FORMAT = "snapgate.verification/v1";
var validator = new JsonSchemaValidator(
  () => verification_validator_default
);
var MAX_PROBLEMS = 100;
function compactTime(time) {
  return time.toISOString().replace(/[-:]/g, "");
}
function verificationPath(stream, snapshot, time, level, ok) {
  return `verifications/${stream}/${compactTime(time)}-${level}-${ok ? "ok" : "fail"}-${snapshot}.json`;
}
var RECORD_NAME = /^verifications\/([a-z0-9][a-z0-9._-]{0,62})\/(\d{8}T\d{6}\.\d{3}Z)-(structure|restore)-(ok|fail)-([0-9a-f]{64})\.json$/;
function parseVerificationPath(path) {
  const match = RECORD_NAME.exec(path);
  if (!match?.[1] || !match[2] || !match[3] || !match[4] || !match[5]) return void 0;
  const t = match[2];
  const time = `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13)}`;
  return {
    path,
    stream: match[1],
    time,
    level: match[3],
    ok: match[4] === "ok",
    snapshot: match[5]
  };
}
async function writeVerificationRecords(store, report, time, actor = { kind: "cli" }) {
  const recorded = report.snapshots.filter((snapshot) => !snapshot.forgotten);
  const records = recorded.map((snapshot) => {
    const record = {
      format: VERIFICATION_FORMAT,
      snapshot: snapshot.id,
      stream: snapshot.stream,
      seq: snapshot.seq,
      level: report.level,
      ok: snapshot.ok,
      time: time.toISOString(),
      blobsChecked: report.blobsChecked,
      bytesChecked: report.bytesChecked,
      problems: snapshot.problems.slice(0, MAX_PROBLEMS).map((problem) => ({
        kind: problem.kind,
        message: problem.message.slice(0, 2e3),
        ...problem.path ? { path: problem.path } : {}
      }))
    };
    return {
      path: verificationPath(snapshot.stream, snapshot.id, time, report.level, snapshot.ok),
      bytes: new TextEncoder().encode(`${JSON.stringify(record, null, 2)}
`)
    };
  });
  await store.writeRecords(records);
  const paths = records.map((record) => record.path);
  await appendAuditEvents(
    store,
    recorded.map((snapshot) => ({
      type: "snapshot.verified",
      time,
      actor,
      subject: { stream: snapshot.stream, seq: snapshot.seq, snapshot: snapshot.id },
      details: { level: report.level, ok: snapshot.ok, problems: snapshot.problems.length }
    }))
  );
  return paths;
}
async function findLatestVerification(store, names, snapshots, level) {
  const newest = names.map((path) => parseVerificationPath(path)).filter(
    (name) => name !== void 0 && name.level === level && snapshots.has(name.snapshot)
  ).sort((a, b) => a.time < b.time ? 1 : -1)[0];
  if (!newest) return null;
  if (newest.ok) {
    return {
      snapshot: newest.snapshot,
      stream: newest.stream,
      level,
      ok: true,
      time: newest.time,
      problems: []
    };
  }
  const bytes = await store.readRecord(newest.path);
  let value;
  try {
    value = bytes ? JSON.parse(Buffer.from(bytes).toString("utf8")) : void 0;
  } catch {
    value = void 0;
  }
  const checked = validator.check(value);
  if (checked.ok && checked.value.snapshot === newest.snapshot && checked.value.level === level)
    return checked.value;
  return {
    snapshot: newest.snapshot,
    stream: newest.stream,
    level,
    ok: false,
    time: newest.time,
    problems: [{ kind: "manifest", message: `the record ${newest.path} cannot be read` }]
  };
}

export {
  parseVerificationPath,
  writeVerificationRecords,
  findLatestVerification
};
