import type { TFunction } from "i18next";
import type { CSSProperties } from "react";

/**
 * What a screen reader says where a suggested insertion or deletion begins and ends, as custom properties of the editor's element: editor.css shows them as
 * visually hidden generated content, so they are read with the text but never stored in it
 * (issue 17: the marks announced, remote changes not).
 */
export function markNames(t: TFunction): CSSProperties {
  const quoted = (text: string) => JSON.stringify(text);
  return {
    "--mark-insertion": quoted(t("layout.insertion")),
    "--mark-deletion": quoted(t("layout.deletion")),
    "--mark-end": quoted(t("layout.markEnd")),
  } as CSSProperties;
}
