import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  chainAuditEvents
} from "./chunk-2NBA2BLU.js";
import {
  SnapgateError
} from "./chunk-6KERQ4ZL.js";

// core/audit/append-audit-events.ts
var MAX_ATTEMPTS = 25;
async function appendAuditEvents(store, events) {
  if (events.length === 0) return;
  const time = events[0].time;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const head = await store.currentAuditHead();
    const { lines } = chainAuditEvents(head, events);
    if (await store.appendAudit(head, lines, time) === "committed") return;
    await new Promise(
      (resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * attempt))
    );
  }
  throw new SnapgateError("CONFLICT", `Could not append to the audit log of ${store.location}.`, {
    fix: "Too many writers raced for the audit log; run the command again (what it did is done; only its audit events are missing)."
  });
}

export {
  appendAuditEvents
};
