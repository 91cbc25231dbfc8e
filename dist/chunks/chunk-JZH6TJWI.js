import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  error,
  notice,
  warning
} from "./chunk-WF5IQUBH.js";

// actions/lib/annotation.ts
var PER_LEVEL = 10;
function emitAnnotations(annotations) {
  for (const level of ["error", "warning", "notice"]) {
    const ofLevel = annotations.filter((annotation) => annotation.level === level);
    const emit = level === "error" ? error : level === "warning" ? warning : notice;
    for (const annotation of ofLevel.slice(0, PER_LEVEL)) {
      emit(annotation.message, {
        title: annotation.title,
        ...annotation.file ? { file: annotation.file } : {}
      });
    }
    if (ofLevel.length > PER_LEVEL)
      emit(`${ofLevel.length - PER_LEVEL} more; see the job summary.`, { title: "Snapgate" });
  }
}

export {
  emitAnnotations
};
