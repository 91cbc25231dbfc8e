import { gateLockRefs } from "../../app/gate/gate-lock-refs.js";

/**
 * How many refs one gate lock takes at `at`: 1, or 2 within ten minutes of
 * midnight UTC (ADR 0611: the other day's namespace too). Tests that count a
 * decision's API calls take the count from the app's own rule, so they pass at
 * any hour; a decision that straddles the ten-minute mark (a second or so,
 * twice a day) could still differ.
 */
export function gateLockRefCount(at: Date = new Date()): number {
  return gateLockRefs(
    { source: "owner/repo", headSha: "0".repeat(40), checkName: "any", deliveryId: null },
    at,
  ).length;
}
