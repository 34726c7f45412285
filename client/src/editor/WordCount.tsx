import type { Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { countText } from "./countText.ts";

/** A pause in typing long enough to count again: one walk of the text per pause, not per keystroke. */
const COUNT_DELAY_MS = 300;

/**
 * The status line under the text: words and characters (`word-count`), live but counted after
 * a pause; `data-counting` is set while a count is due (set on the element, not rendered, so a
 * keystroke re-renders nothing).
 */
export function WordCount({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(() => countText(editor.state.doc));
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      line.current?.setAttribute("data-counting", "true");
      timer = setTimeout(() => {
        line.current?.removeAttribute("data-counting");
        setCount(countText(editor.state.doc));
      }, COUNT_DELAY_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor]);
  return (
    <p ref={line} className="editor__status" data-testid="word-count" title={t("editing.countLabel")}>
      <span data-testid="word-count-words">{t("editing.words", { count: count.words })}</span>
      {" · "}
      <span data-testid="word-count-characters">{t("editing.characters", { count: count.characters })}</span>
    </p>
  );
}
