import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  loadPolicy
} from "./chunk-EIAN22VY.js";
import "./chunk-TI77TNDP.js";
import "./chunk-XRH6QY5G.js";
import "./chunk-FFISWQYC.js";
import "./chunk-JJ4XLMVP.js";
import {
  DEFAULT_POLICY_PATH
} from "./chunk-CU3A7CPO.js";
import "./chunk-ORPGGOGL.js";
import "./chunk-OGIFXLDX.js";
import "./chunk-MNOS34YI.js";
import "./chunk-M4VZOO76.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-5AVS2BP3.js";
import "./chunk-U3GCPU43.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-CBOV46RO.js";
import "./chunk-54LOBW6C.js";
import "./chunk-RJWDBZ2U.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";
export {
  DEFAULT_POLICY_PATH,
  loadPolicy
};
