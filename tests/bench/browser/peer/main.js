// The benchmark's peer: Tiptap's collaboration demo setup, nothing of Accord's. StarterKit
// (history off: Yjs has its own), the table extensions for the KIP grids, Collaboration on
// the "default" fragment and CollaborationCaret, over a stock y-websocket provider.
// Query: ?ws=<server url>&room=<name>; without a room the page only loads (a warm-up).
import { Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

const params = new URLSearchParams(location.search);
const room = params.get("room");
if (room) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(params.get("ws") ?? "", room, doc, { disableBc: true });
  provider.on("sync", (synced) => {
    if (synced) globalThis.__peerSynced = true;
  });
  globalThis.__peerEditor = new Editor({
    element: document.querySelector("#editor"),
    extensions: [
      StarterKit.configure({ undoRedo: false }),
      TableKit,
      Collaboration.configure({ document: doc, field: "default" }),
      CollaborationCaret.configure({ provider, user: { name: "Andrea Meier", color: "#d9480f" } }),
    ],
  });
}
