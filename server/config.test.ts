import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("listens on port 8080 and accepts WebSocket messages up to 4 MiB by default", () => {
    const config = parseConfig({});
    expect(config.port).toBe(8080);
    expect(config.maxMessageBytes).toBe(4 * 1024 * 1024);
  });

  it("reads numbers from their string form in the environment", () => {
    expect(parseConfig({ PORT: "0", MAX_BODY_BYTES: "2048" })).toMatchObject({ port: 0, maxBodyBytes: 2048 });
  });

  it("fails fast on a PORT that is not a number, naming PORT", () => {
    expect(() => parseConfig({ PORT: "abc" })).toThrow(/PORT/);
  });

  it("lists every invalid variable at once", () => {
    expect(() => parseConfig({ PORT: "abc", LOG_LEVEL: "loud" })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });
});
