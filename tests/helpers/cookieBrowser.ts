import { createServer } from "node:net";

interface StoredCookie {
  /** Cookies belong to a host name whatever the port, as in browsers. */
  hostname: string;
  name: string;
  value: string;
  path: string;
}

/** A free TCP port on 127.0.0.1 (for a server whose own URL must be configured before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * What a browser does with redirects and cookies, over plain fetch: cookies per host name
 * (not port) and path, every redirect followed by hand so the test can look at or stop before
 * each hop. Enough for the sign-in redirects between Accord and an OpenID provider.
 */
export class CookieBrowser {
  readonly #jar: StoredCookie[] = [];

  /** The cookies this browser would send to `url`, as a Cookie header. */
  cookieHeader(url: URL): string {
    return this.#jar
      .filter(
        (c) =>
          c.hostname === url.hostname &&
          (url.pathname === c.path || url.pathname.startsWith(`${c.path.replace(/\/$/, "")}/`) || c.path === "/"),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  /** The value of cookie `name` that the server at `origin` set (any path), if any. */
  cookie(origin: string, name: string): string | undefined {
    const { hostname } = new URL(origin);
    return this.#jar.find((c) => c.hostname === hostname && c.name === name)?.value;
  }

  /** Sets or replaces a cookie by hand (a test altering what the browser holds). */
  setCookie(origin: string, name: string, value: string, path = "/"): void {
    this.#store({ hostname: new URL(origin).hostname, name, value, path });
  }

  #store(cookie: StoredCookie): void {
    const at = this.#jar.findIndex(
      (c) => c.hostname === cookie.hostname && c.name === cookie.name && c.path === cookie.path,
    );
    if (at >= 0) this.#jar.splice(at, 1);
    if (cookie.value !== "") this.#jar.push(cookie);
  }

  #remember(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";").map((p) => p.trim());
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      let value = pair.slice(eq + 1);
      let path = "/";
      for (const attribute of attributes) {
        const [key = "", val = ""] = attribute.split("=");
        if (key.toLowerCase() === "path") path = val;
        if (key.toLowerCase() === "max-age" && Number(val) <= 0) value = "";
        if (key.toLowerCase() === "expires" && Date.parse(val) <= Date.now()) value = "";
      }
      this.#store({ hostname: url.hostname, name, value, path });
    }
  }

  /** One GET, redirects not followed, cookies sent and kept. */
  async get(url: URL): Promise<Response> {
    const cookie = this.cookieHeader(url);
    const res = await fetch(url, { redirect: "manual", headers: cookie ? { cookie } : {} });
    this.#remember(url, res);
    return res;
  }

  /**
   * Follows redirects from `url` until a page that is not a redirect, or until the next hop
   * matches `stopBefore` (that hop is not requested). Returns where it ended and the answer
   * of the last request made.
   */
  async follow(
    url: URL,
    stopBefore: (next: URL) => boolean = () => false,
  ): Promise<{ url: URL; response: Response | null }> {
    let current = url;
    let response: Response | null = null;
    for (let hop = 0; hop < 20; hop++) {
      if (stopBefore(current)) return { url: current, response };
      response = await this.get(current);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      await response.body?.cancel();
      current = new URL(location, current);
    }
    throw new Error(`more than 20 redirects from ${url.href}`);
  }
}
