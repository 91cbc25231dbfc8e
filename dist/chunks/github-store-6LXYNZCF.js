import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
} from "./chunk-IOR3I665.js";
import "./chunk-WBMUP2HE.js";
import "./chunk-K6O2D5MR.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";
export {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
};
