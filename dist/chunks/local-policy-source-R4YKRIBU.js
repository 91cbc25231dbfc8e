import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  localPolicySource
} from "./chunk-BNOD7A53.js";
import "./chunk-U3GCPU43.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  localPolicySource
};
