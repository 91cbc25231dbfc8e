import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  s3Error
} from "./chunk-TXCZOU2P.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-H5NHOGLY.js";
export {
  s3Error
};
