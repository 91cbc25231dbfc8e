import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/policy/epoch-recipients.ts
function epochRecipients(policy, tier, time) {
  const ms = time.getTime();
  const epoch = policy.keys.epochs?.find(
    (candidate) => (candidate.tiers === null || candidate.tiers.includes(tier)) && (candidate.validFromMs === null || ms >= candidate.validFromMs) && (candidate.validUntilMs === null || ms < candidate.validUntilMs)
  ) ?? null;
  return { recipients: [...epoch?.recipients ?? policy.keys.recipients], epoch };
}

export {
  epochRecipients
};
