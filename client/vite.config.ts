import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** This folder; the config is run from the repository root (`vite --config client/vite.config.ts`). */
const clientRoot = decodeURIComponent(new URL(".", import.meta.url).pathname);

/** The address the Accord server listens on during development. */
const serverHost = "localhost:8080";

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  build: {
    // The server serves ../dist (repository root), see server/config.ts.
    outDir: "../dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Groups pull in their dependencies, so the libraries others build on get the higher priority.
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: "yjs", test: /node_modules[\\/](yjs|y-websocket|y-indexeddb|y-protocols|lib0)[\\/]/, priority: 2 },
            {
              name: "editor",
              test: /node_modules[\\/](@tiptap|prosemirror-|linkifyjs|orderedmap|rope-sequence)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    // Host stays the dev server's: the server refuses WebSocket upgrades whose Origin differs from Host.
    proxy: {
      "/api": { target: `http://${serverHost}`, changeOrigin: false },
      "/collab": { target: `ws://${serverHost}`, ws: true, changeOrigin: false },
    },
  },
});
