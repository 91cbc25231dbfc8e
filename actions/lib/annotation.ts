import { error, notice, warning } from "@actions/core";

/** A message GitHub shows on a file (in the run and on the pull request's diff). */
export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  title: string;
  /** Repository-relative path; absent: an annotation on the run. */
  file?: string;
}

/** GitHub shows 10 errors and 10 warnings per step; past that, say how many more. */
const PER_LEVEL = 10;

export function emitAnnotations(annotations: readonly Annotation[]): void {
  for (const level of ["error", "warning", "notice"] as const) {
    const ofLevel = annotations.filter((annotation) => annotation.level === level);
    const emit = level === "error" ? error : level === "warning" ? warning : notice;
    for (const annotation of ofLevel.slice(0, PER_LEVEL)) {
      emit(annotation.message, {
        title: annotation.title,
        ...(annotation.file ? { file: annotation.file } : {}),
      });
    }
    if (ofLevel.length > PER_LEVEL)
      emit(`${ofLevel.length - PER_LEVEL} more; see the job summary.`, { title: "Snapgate" });
  }
}
