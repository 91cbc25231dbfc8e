import type { RequestContext } from "../http/route.js";

/** One page of `items` by `per_page` (default 30, max 100) and `page`, with GitHub's Link header. */
export function paginate<T>(context: RequestContext, items: readonly T[], path: string) {
  const perPage = Math.min(Math.max(Number(context.query.per_page ?? 30) || 30, 1), 100);
  const page = Math.max(Number(context.query.page ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (target: number, rel: string) => {
    const url = new URL(context.services.urls.api(path));
    for (const [key, value] of Object.entries(context.query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"), link(page - 1, "prev"));
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(", ") } : ({} as Record<string, string>),
  };
}
