import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { countText } from "./countText.ts";

/** A pause in typing long enough to count again: one walk of the text per pause, not per keystroke. */
const COUNT_DELAY_MS = 300;

/** The status line under the text: words and characters (`word-count`), live but counted after a pause. */
export function WordCount({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(() => countText(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCount(countText(editor.state.doc)), COUNT_DELAY_MS);
    };
    editor.on("update", onUpdate);
    return () => {
      clearTimeout(timer);
      editor.off("update", onUpdate);
    };
  }, [editor]);
  return (
    <p className="editor__status" data-testid="word-count" title={t("editing.countLabel")}>
      <span data-testid="word-count-words">{t("editing.words", { count: count.words })}</span>
      {" · "}
      <span data-testid="word-count-characters">{t("editing.characters", { count: count.characters })}</span>
    </p>
  );
}
