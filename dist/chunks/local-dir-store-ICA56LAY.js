import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-OUQN7CKW.js";
import "./chunk-X6OXJFXA.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-DAPMTHKG.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  LocalDirStore
};
