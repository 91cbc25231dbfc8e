import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import "./chunk-H5NHOGLY.js";
export {
  mapWithConcurrency
};
