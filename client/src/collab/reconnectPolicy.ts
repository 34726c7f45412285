import { CloseCode, isFinalClose } from "../../../shared/protocol/closeCodes.ts";

/**
 * Whether the provider should reconnect after the server closed with `code`. y-websocket's
 * default gives up on every 44xx code; ours say which ones are final: 4409 "permissions
 * changed", 4501 "room reloaded" and 4512 "missing dependencies" reconnect,
 * 4401/4403/4404/4500 do not. After 4422 the local copy is dropped and a new session
 * started instead of reconnecting this one.
 */
export const shouldReconnect = (code: number): boolean => !isFinalClose(code) && code !== CloseCode.UpdateRefused;
