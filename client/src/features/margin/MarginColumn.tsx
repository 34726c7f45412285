import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { keepCardsBesideText } from "./marginLayout.ts";

interface MarginColumnProps {
  editor: Editor;
  /** Receives the element the panels put their cards into (through a portal), or null when gone. */
  onHost: (host: HTMLElement | null) => void;
}

/**
 * The margin beside the text on wide screens (`margin`): the comments and suggestions
 * panels render their cards into it, and it keeps each card at its passage.
 */
export function MarginColumn({ editor, onHost }: MarginColumnProps) {
  const { t } = useTranslation();
  const [host, setHost] = useState<HTMLElement | null>(null);
  useEffect(() => {
    onHost(host);
    return () => onHost(null);
  }, [host, onHost]);
  useEffect(() => (host ? keepCardsBesideText(editor, host) : undefined), [editor, host]);
  return <section className="margin" data-testid="margin" aria-label={t("margin.label")} ref={setHost} />;
}
