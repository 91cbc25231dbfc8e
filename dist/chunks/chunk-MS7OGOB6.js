import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/snapshot/diff-file-states.ts
function diffFileStates(before, after) {
  const old = new Map(before.map((file) => [file.path, file]));
  const diff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const file of after) {
    const previous = old.get(file.path);
    old.delete(file.path);
    if (!previous) {
      diff.added.push(file);
      continue;
    }
    const kinds = [];
    if (previous.type !== file.type) kinds.push("type");
    else if (file.type === "file") {
      if (previous.blob !== file.blob) kinds.push("content");
      if ((previous.mode ?? 0) !== (file.mode ?? 0)) kinds.push("mode");
    } else if (previous.target !== file.target) kinds.push("target");
    if (kinds.length > 0)
      diff.changed.push({ path: file.path, before: previous, after: file, kinds });
    else diff.unchanged += 1;
  }
  diff.removed = [...old.values()];
  return diff;
}
function isEmptyDiff(diff) {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

export {
  diffFileStates,
  isEmptyDiff
};
