import type { JSONContent } from "@tiptap/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ComparisonChange } from "../../../../shared/api/comparison.ts";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { fetchComparison, fetchVersion } from "../../api/versions.ts";
import { milestoneName } from "../../lib/milestoneText.ts";

/** What the read-only viewer shows: a version, or the redline from one version to another or to "current". */
export interface VersionView {
  title: string;
  content: JSONContent;
  compare?: { from: VersionSummary; to: string };
  /** A comparison's changes by mark id: who made each and when (the server reads it from the update log). */
  changes?: Record<string, ComparisonChange>;
}

/**
 * Opens versions and comparisons in the viewer. `current` gives the current text (for
 * comparing with it); a failed load goes to `onError`.
 */
export function useVersionView(
  versions: VersionSummary[] | null,
  current: (() => JSONContent) | undefined,
  onError: (err: unknown) => void,
) {
  const { t } = useTranslation();
  const [view, setView] = useState<VersionView | null>(null);

  const contentOf = (id: string): Promise<JSONContent> =>
    id === "current" && current ? Promise.resolve(current()) : fetchVersion(id).then((d) => d.content as JSONContent);

  const open = (v: VersionSummary) => {
    contentOf(v.id).then(
      (content) =>
        setView({
          title: t("versions.viewTitle", { seq: v.seq, label: milestoneName(t, v.milestone, v.milestoneLabel) }),
          content,
        }),
      onError,
    );
  };

  /** The changes from `from` to another version or to the current text, as a redline. */
  const compareWith = (from: VersionSummary, to: string) => {
    fetchComparison(from.documentId, from.id, to).then((comparison) => {
      const target = versions?.find((v) => v.id === to);
      setView({
        title: target
          ? t("versions.compareVersionsTitle", { from: from.seq, to: target.seq })
          : t("versions.compareTitle", { seq: from.seq }),
        content: comparison.doc as JSONContent,
        compare: { from, to },
        changes: comparison.changes,
      });
    }, onError);
  };

  return { view, open, compareWith, close: () => setView(null) };
}
