import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  LocalDirStore
} from "./chunk-WIE2Z5X7.js";
import "./chunk-WHUW7ABC.js";
import "./chunk-STGBWLKT.js";
import "./chunk-Q7H3JQIW.js";
import "./chunk-U2VA4CFL.js";
import "./chunk-6KERQ4ZL.js";
import "./chunk-K3D2YTSH.js";
import "./chunk-HPEAIKBF.js";
export {
  LocalDirStore
};
