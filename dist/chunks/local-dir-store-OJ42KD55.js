import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-6W22FECZ.js";
import "./chunk-ECMEO24E.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-QIMBYF6R.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";
export {
  LocalDirStore
};
