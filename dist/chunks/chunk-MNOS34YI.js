import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/types.ts
var PHASES = ["pre", "post", "scheduled", "manual"];
var STREAM_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;
var MANIFEST_FORMAT = "snapgate.manifest/v1";

export {
  PHASES,
  STREAM_PATTERN,
  MANIFEST_FORMAT
};
