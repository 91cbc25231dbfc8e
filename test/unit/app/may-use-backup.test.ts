import { describe, expect, it } from "@jest/globals";
import { mayUseBackup } from "../../../app/gate/decide-environment.js";

describe("mayUseBackup", () => {
  it("allows a backup repository of the gated repository's own account, in any case", () => {
    expect(mayUseBackup("Acme", "acme", new Set())).toBe(true);
  });

  it("allows another account's backup repository only when the operator listed that account", () => {
    expect(mayUseBackup("acme", "backups-org", new Set())).toBe(false);
    expect(mayUseBackup("acme", "Backups-Org", new Set(["backups-org"]))).toBe(true);
    // Listing the gated account does not let it read others' backups.
    expect(mayUseBackup("acme", "victim", new Set(["acme"]))).toBe(false);
  });
});
