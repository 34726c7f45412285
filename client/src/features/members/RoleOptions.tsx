import { useTranslation } from "react-i18next";
import { ROLES } from "../../../../shared/roles.ts";

/** The five roles as `<option>`s, most powerful first, with their German names. */
export function RoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {t(`roles.${r}`)}
    </option>
  ));
}
