import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-S5A4YI2O.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-26DBSQQT.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-ZUEUDRMP.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  LocalDirStore
};
