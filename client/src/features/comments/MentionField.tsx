import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { COMMENT_MAX_LENGTH } from "./limits.ts";
import { insertMention, type Mentionable, matchingMembers, mentionQuery } from "./mentions.ts";
import "../../styles/notifications.css";

interface MentionFieldProps {
  value: string;
  onChange: (text: string) => void;
  /** A member was chosen from the list; "@Name" is in the text by then. */
  onMention: (member: Mentionable) => void;
  label: string;
  placeholder?: string;
  rows: number;
  testId: string;
}

/**
 * A comment's text field with @mentions: typing "@" and letters lists the document's members
 * (`mention-list`, options `mention-option`), chosen with ↑/↓ and Enter (or Tab), or the
 * mouse; Escape closes the list. A textarea may carry no combobox role (ARIA in HTML), so it
 * stays a textbox that owns the listbox through aria-controls and aria-activedescendant.
 */
export function MentionField({ value, onChange, onMention, label, placeholder, rows, testId }: MentionFieldProps) {
  const { t } = useTranslation();
  const { members, user, organisation } = useDocument();
  const field = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // The "@" whose list was closed with Escape: it stays closed until another "@" is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const query = caret === null ? null : mentionQuery(value, caret);
  const others = (members ?? []).filter((m) => m.userId !== user.id);
  const options = query && query.start !== dismissed ? matchingMembers(others, query.query) : [];
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${listId}-option-${i}`;

  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !field.current) return;
    pendingCaret.current = null;
    field.current.setSelectionRange(at, at);
    setCaret(at);
  });

  const track = (el: HTMLTextAreaElement) => setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);

  const choose = (member: Mentionable) => {
    if (!query || caret === null) return;
    const next = insertMention(value, query, caret, member.name);
    pendingCaret.current = next.caret;
    onChange(next.text);
    onMention({ userId: member.userId, name: member.name });
    setActive(0);
    field.current?.focus();
  };

  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    const chosen = options[current];
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if ((e.key === "Enter" || e.key === "Tab") && chosen) {
      e.preventDefault();
      choose(chosen);
    } else if (e.key === "Escape" && query) {
      e.preventDefault();
      e.stopPropagation();
      setDismissed(query.start);
    }
  };

  return (
    <div className="mention-field">
      <textarea
        ref={field}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
          setActive(0);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={keyDown}
        onBlur={() => setCaret(null)}
        placeholder={placeholder}
        aria-label={label}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        maxLength={COMMENT_MAX_LENGTH}
        rows={rows}
        data-testid={testId}
      />
      {open && (
        <div
          className="mention-field__list"
          role="listbox"
          id={listId}
          aria-label={t("mentions.listLabel")}
          data-testid="mention-list"
        >
          {options.map((m, i) => (
            // The field keeps the keyboard: options are chosen with the arrows, or clicked.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea handles the keys (aria-activedescendant)
            <div
              key={m.userId}
              tabIndex={-1}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={`mention-field__option${i === current ? " mention-field__option--active" : ""}`}
              data-testid="mention-option"
              data-user-id={m.userId}
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(m)}
            >
              {m.name} <span className="muted">({organisation(m.orgId).shortName})</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
