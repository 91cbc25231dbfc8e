import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
} from "./chunk-K52P745P.js";
import "./chunk-AHAZ4DV7.js";
import "./chunk-MAIPYA2J.js";
import "./chunk-L2RU3OJT.js";
import "./chunk-COBAIQZG.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  GITHUB_MAX_BLOB_BYTES,
  GitHubStore,
  parseGitHubStoreSpec
};
