import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-5U7X5MTU.js";
import "./chunk-JWTYLVV3.js";
import "./chunk-K6O2D5MR.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";
export {
  LocalDirStore
};
