/** The CSS of the report and the dashboard: system fonts, high contrast, visible focus; nothing loaded. */
export const PAGE_STYLE =
  "body{font-family:system-ui,sans-serif;margin:0;color:#111}header,main,footer{padding:0 1.5rem}" +
  "table{border-collapse:collapse;margin:0.5rem 0 1.5rem}th,td{border:1px solid #999;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}" +
  "caption{text-align:left;font-weight:600;padding:0.25rem 0}.ok{color:#1b5e20}.bad{color:#b00020;font-weight:700}.muted{color:#555}" +
  "a:focus,th:focus{outline:3px solid #1f5fa8}";
