import { type WebSocket, WebSocketServer } from "ws";

/** The physical floor: forwards every message to the other sockets of the same room. No Yjs. */
const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ port: Number(process.env.PORT), host: "127.0.0.1" });
wss.on("connection", (socket, request) => {
  const room = request.url ?? "/";
  const peers = rooms.get(room) ?? new Set<WebSocket>();
  rooms.set(room, peers);
  peers.add(socket);
  socket.on("message", (data, isBinary) => {
    for (const peer of peers) if (peer !== socket) peer.send(data, { binary: isBinary });
  });
  socket.on("close", () => {
    peers.delete(socket);
    if (peers.size === 0) rooms.delete(room);
  });
});
wss.on("listening", () => console.log(`ready on ${process.env.PORT}`));
