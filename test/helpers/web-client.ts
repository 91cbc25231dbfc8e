/**
 * A minimal browser for tests without Chromium: a cookie jar per host (as
 * browsers keep them: the port does not separate cookies), manual redirects
 * so each hop can be asserted, and the forms of the sandbox's GitHub pages.
 */
export interface WebAnswer {
  url: string;
  status: number;
  headers: Headers;
  body: string;
  setCookies: string[];
}

export class WebClient {
  /** host -> cookie name -> value. */
  readonly jar = new Map<string, Map<string, string>>();
  /** Every answer, in order. */
  readonly history: WebAnswer[] = [];

  cookie(url: string, name: string): string | undefined {
    return this.jar.get(new URL(url).hostname)?.get(name);
  }

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<WebAnswer> {
    const host = new URL(url).hostname;
    const cookies = [...(this.jar.get(host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join("; ");
    const response = await fetch(url, {
      method: init.method ?? (init.form ? "POST" : "GET"),
      redirect: "manual",
      headers: {
        ...(cookies ? { cookie: cookies } : {}),
        ...(init.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(init.form ? { body: new URLSearchParams(init.form).toString() } : {}),
    });
    const setCookies = response.headers.getSetCookie();
    const jar = this.jar.get(host) ?? new Map<string, string>();
    this.jar.set(host, jar);
    for (const line of setCookies) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at);
      if (/max-age=0(;|$)/i.test(line)) jar.delete(name);
      else jar.set(name, pair.slice(at + 1));
    }
    const answer = {
      url,
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      setCookies,
    };
    this.history.push(answer);
    return answer;
  }

  /** Follows redirects from `url` until a page that is not one; returns that page. */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
  ): Promise<WebAnswer> {
    let answer = await this.request(url, init);
    let hops = 0;
    while (answer.status >= 300 && answer.status < 400 && hops < 10) {
      const location = answer.headers.get("location") ?? "";
      answer = await this.request(new URL(location, answer.url).toString());
      hops += 1;
    }
    return answer;
  }
}

/** The fields of the first form on a page whose action is `action`, with its hidden inputs. */
export function formOf(
  page: WebAnswer,
  action: string,
): { url: string; fields: Record<string, string> } {
  const at = page.body.indexOf(`action="${action}"`);
  if (at === -1) throw new Error(`No form posting to ${action} on ${page.url}:\n${page.body}`);
  const form = page.body.slice(at, page.body.indexOf("</form>", at));
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields[input[1] ?? ""] = (input[2] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
  }
  return { url: new URL(action, page.url).toString(), fields };
}

/**
 * Opens `dashboardUrl` and signs in through the sandbox's GitHub pages as a
 * person would: the sign-in form, then (the first time) "Authorize".
 * Returns the page the app finally answers.
 */
export async function signInThroughGitHub(
  client: WebClient,
  dashboardUrl: string,
  person: { login: string; password: string; authorize?: boolean },
): Promise<WebAnswer> {
  let page = await client.follow(dashboardUrl);
  if (page.body.includes('action="/session"')) {
    const form = formOf(page, "/session");
    page = await client.follow(form.url, {
      form: { ...form.fields, login: person.login, password: person.password },
    });
  }
  if (page.body.includes('action="/login/oauth/authorize"')) {
    const form = formOf(page, "/login/oauth/authorize");
    page = await client.follow(form.url, {
      form: { ...form.fields, authorize: person.authorize === false ? "0" : "1" },
    });
  }
  return page;
}
