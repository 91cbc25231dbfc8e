import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  loadPolicy
} from "./chunk-E354KARS.js";
import "./chunk-TI77TNDP.js";
import "./chunk-FFISWQYC.js";
import {
  DEFAULT_POLICY_PATH
} from "./chunk-CU3A7CPO.js";
import "./chunk-OGIFXLDX.js";
import "./chunk-MNOS34YI.js";
import "./chunk-M4VZOO76.js";
import "./chunk-HY64EQYF.js";
import "./chunk-MWA4TWMP.js";
import "./chunk-QGYJZUSD.js";
import "./chunk-U3GCPU43.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-3BJVJWY4.js";
import "./chunk-RJWDBZ2U.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-HPEAIKBF.js";
export {
  DEFAULT_POLICY_PATH,
  loadPolicy
};
