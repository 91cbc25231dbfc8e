import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-E4TQNUPC.js";
import "./chunk-PCQS3LOH.js";
import "./chunk-CPZT5EG3.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-L2RU3OJT.js";
import "./chunk-COBAIQZG.js";
import "./chunk-2NBA2BLU.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  LocalDirStore
};
