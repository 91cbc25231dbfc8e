import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);

// core/operations/escape-html.ts
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// core/operations/page-style.ts
var PAGE_STYLE = "body{font-family:system-ui,sans-serif;margin:0;color:#111}header,main,footer{padding:0 1.5rem}table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #999;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:600;padding:0.25rem 0}.ok{color:#1b5e20}.bad{color:#b00020;font-weight:700}.muted{color:#555}a:focus,th:focus{outline:3px solid #1f5fa8}";

// core/operations/status-badge.ts
var e = escapeHtml;
function statusBadge(ok, yes, no) {
  if (ok === null) return `<span class="muted">- ${e("n/a")}</span>`;
  return ok ? `<span class="ok">&#10003; ${e(yes)}</span>` : `<span class="bad">&#10007; ${e(no)}</span>`;
}

export {
  escapeHtml,
  PAGE_STYLE,
  statusBadge
};
