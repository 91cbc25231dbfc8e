import { escapeHtml } from "./escape-html.js";

const e = escapeHtml;

/** A status shown as a word and a symbol, never by colour alone. */
export function statusBadge(ok: boolean | null, yes: string, no: string): string {
  if (ok === null) return `<span class="muted">- ${e("n/a")}</span>`;
  return ok
    ? `<span class="ok">&#10003; ${e(yes)}</span>`
    : `<span class="bad">&#10007; ${e(no)}</span>`;
}
