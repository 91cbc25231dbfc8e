import { escapeHtml } from "../../core/operations/escape-html.js";
import { PAGE_STYLE } from "../../core/operations/page-style.js";

const e = escapeHtml;

/**
 * A short page of the dashboard's sign-in (refused, failed, not configured),
 * with the same landmarks and style as the dashboard: a heading that says
 * what happened as words and a symbol, what to do, and an optional link.
 * (Also "signed out", with a check mark.)
 */
export function renderMessagePage(page: {
  title: string;
  paragraphs: readonly string[];
  link?: { href: string; text: string };
  /** A good outcome (signed out): a check mark instead of a cross. */
  ok?: boolean;
}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(page.title)} · Snapgate</title><style>${PAGE_STYLE}</style></head>
<body>
<header><p>Snapgate dashboard</p></header>
<main><h1>${page.ok ? '<span class="ok">&#10003;</span>' : '<span class="bad">&#10007;</span>'} ${e(page.title)}</h1>
${page.paragraphs.map((text) => `<p>${e(text)}</p>`).join("\n")}
${page.link ? `<p><a href="${e(page.link.href)}">${e(page.link.text)}</a></p>` : ""}
</main>
</body></html>
`;
}
