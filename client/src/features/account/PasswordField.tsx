import { useTranslation } from "react-i18next";

/** A new-password input with the rule beside it (the server checks it again). */
export function NewPasswordField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={1024}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      <span className="muted">{t("account.passwordHint")}</span>
    </label>
  );
}
