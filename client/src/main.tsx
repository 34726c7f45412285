// Must stay the first import: it configures zod before any schema module is evaluated.
import "./zodConfig.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { initI18n } from "./i18n/i18n.ts";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/editor.css";
import "./styles/editing.css";
import "./styles/carets.css";
import "./styles/margin.css";
import "./styles/print.css";

initI18n();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
