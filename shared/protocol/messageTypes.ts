/**
 * Top-level message types of the y-websocket protocol. Each binary frame starts with one
 * of these as a varUint; the rest is the y-protocols payload of that type.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

export type MessageType = (typeof MessageType)[keyof typeof MessageType];
