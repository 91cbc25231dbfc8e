import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-5LN3KIL2.js";
import "./chunk-X6OXJFXA.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-PBLOV7KH.js";
import "./chunk-2ABVE2K6.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  LocalDirStore
};
