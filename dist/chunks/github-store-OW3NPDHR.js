import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
} from "./chunk-OTIZ33AY.js";
import "./chunk-YFNX7KTZ.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";
export {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
};
