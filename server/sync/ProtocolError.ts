import { type CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";

/**
 * The one error the sync layer throws: something the protocol cannot go on with (a bad
 * frame, an update that does not decode, stored state that does not load). It carries the
 * close code the socket is closed with, so no caller maps error types back to codes.
 */
export class ProtocolError extends Error {
  override name = "ProtocolError";

  constructor(
    readonly code: CloseCode,
    /** What exactly was wrong; logged, and sent after the code's own reason. */
    readonly detail: string,
  ) {
    super(detail);
  }

  /** The close reason: the code's text and the detail, cut to fit a close frame (123 bytes). */
  get closeReason(): string {
    return reasonWith(this.code, this.detail);
  }
}

/** `closeReason[code]` followed by `detail`, short enough for a WebSocket close frame. */
export const reasonWith = (code: CloseCode, detail: string): string => `${closeReason[code]}: ${detail}`.slice(0, 120);
