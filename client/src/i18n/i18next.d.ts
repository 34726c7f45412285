import "i18next";
import type { Catalogue } from "./de.ts";

// Typed keys: `t("status.connected")` is checked against the German catalogue at compile time.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalogue };
  }
}
