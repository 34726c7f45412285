import type { TFunction } from "i18next";

/**
 * Milestones and approval fields in the UI language, by milestone id and field key. The server
 * sends German labels (kept so for exports); an id or key the catalogue lacks shows that label.
 */
export function milestoneName(t: TFunction, id: string, label: string): string {
  const names: Record<string, string> = t("milestones", { returnObjects: true });
  return names[id] ?? label;
}

export function approvalFieldName(t: TFunction, key: string, label: string): string {
  const names: Record<string, string> = t("approvalFields", { returnObjects: true });
  return names[key] ?? label;
}
