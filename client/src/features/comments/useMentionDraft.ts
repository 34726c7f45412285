import { useCallback, useState } from "react";
import { type Mentionable, mentionedIds } from "./mentions.ts";

/** A comment being written: its text and the members chosen from the @-list for it. */
export interface MentionDraft {
  text: string;
  setText: (text: string) => void;
  /** Records a member chosen from the list (the field has put "@Name" into the text). */
  choose: (member: Mentionable) => void;
  /** The ids of the chosen members whose "@Name" the text still holds: what the comment stores. */
  mentions: () => string[];
  /** Starts over, with a text and the people it already mentions (editing a comment). */
  reset: (text?: string, chosen?: readonly Mentionable[]) => void;
}

/** State of a comment form with @mentions. */
export function useMentionDraft(): MentionDraft {
  const [text, setText] = useState("");
  const [chosen, setChosen] = useState<readonly Mentionable[]>([]);
  const choose = useCallback((m: Mentionable) => setChosen((list) => [...list, m]), []);
  const reset = useCallback((next = "", already: readonly Mentionable[] = []) => {
    setText(next);
    setChosen(already);
  }, []);
  return { text, setText, choose, mentions: () => mentionedIds(text, chosen), reset };
}
