import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
} from "./chunk-SPJZQVYW.js";
import "./chunk-AHAZ4DV7.js";
import "./chunk-MAIPYA2J.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
};
