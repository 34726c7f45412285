import { describe, expect, it } from "vitest";
import { CloseCode } from "../../../shared/protocol/closeCodes.ts";
import { shouldReconnect } from "./reconnectPolicy.ts";

describe("shouldReconnect", () => {
  it("reconnects after a role change, a reloaded room, too many pending updates and network trouble", () => {
    for (const code of [CloseCode.RenewConnection, CloseCode.RoomReloaded, CloseCode.MissingDependencies, 1006, 1012]) {
      expect(shouldReconnect(code)).toBe(true);
    }
  });

  it("stops when access is gone or the document cannot load", () => {
    for (const code of [CloseCode.Unauthorized, CloseCode.Forbidden, CloseCode.DocumentNotFound, 4500]) {
      expect(shouldReconnect(code)).toBe(false);
    }
  });

  it("does not reconnect a session whose update was refused (a new session replaces it)", () => {
    expect(shouldReconnect(CloseCode.UpdateRefused)).toBe(false);
  });
});
