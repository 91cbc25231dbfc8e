import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  loadPolicy
} from "./chunk-RSJ4ROQ3.js";
import "./chunk-JJ4XLMVP.js";
import "./chunk-TI77TNDP.js";
import "./chunk-XRH6QY5G.js";
import "./chunk-FFISWQYC.js";
import {
  DEFAULT_POLICY_PATH
} from "./chunk-CU3A7CPO.js";
import "./chunk-WPITP5OQ.js";
import "./chunk-ZG3SENMX.js";
import "./chunk-UZQJNIXZ.js";
import "./chunk-MVZIGVV4.js";
import "./chunk-R4SSWUCW.js";
import "./chunk-JAZ2OF6U.js";
import "./chunk-U3GCPU43.js";
import "./chunk-ZITD4ZB6.js";
import "./chunk-6R3LO6XJ.js";
import "./chunk-54LOBW6C.js";
import "./chunk-4NNPXXFU.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  DEFAULT_POLICY_PATH,
  loadPolicy
};
