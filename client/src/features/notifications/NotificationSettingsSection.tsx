import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationSettings,
} from "../../../../shared/api/notifications.ts";
import { fetchNotificationSettings, saveNotificationSettings } from "../../api/notifications.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useSubmit } from "../../lib/useSubmit.ts";

/**
 * The account page's "Benachrichtigungen" (`notification-settings`): e-mail on or off, and
 * per kind. The inbox always shows everything. When the settings cannot be loaded, the
 * section says so (`notification-settings-error`) and offers nothing to save.
 */
export function NotificationSettingsSection() {
  const { t } = useTranslation();
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    fetchNotificationSettings().then(
      (loaded) => current && setSettings(loaded),
      (err: unknown) => current && setLoadError(err),
    );
    return () => {
      current = false;
    };
  }, []);

  const save = useSubmit(async () => {
    if (!settings) return;
    setSaved(false);
    await saveNotificationSettings(settings);
    setSaved(true);
  });

  const change = (next: NotificationSettings) => {
    setSaved(false);
    setSettings(next);
  };
  const toggleKind = (kind: NotificationKind, on: boolean) => {
    if (!settings) return;
    const muted = settings.mutedKinds.filter((k) => k !== kind);
    change({ ...settings, mutedKinds: on ? muted : [...muted, kind] });
  };

  return (
    <section aria-labelledby="notification-settings-title" data-testid="notification-settings">
      <h2 id="notification-settings-title">{t("notificationSettings.heading")}</h2>
      <p className="muted">{t("notificationSettings.intro")}</p>
      {loadError !== null && (
        <p className="alert alert--error" role="alert" data-testid="notification-settings-error">
          {t("notificationSettings.unavailable")} {errorMessage(t, loadError)}
        </p>
      )}
      {settings === null && loadError === null && <p className="muted">{t("app.loading")}</p>}
      {settings !== null && (
        <form onSubmit={save.submit}>
          <label className="field field--inline">
            <input
              type="checkbox"
              checked={settings.email}
              onChange={(e) => change({ ...settings, email: e.target.checked })}
              data-testid="notification-email"
            />{" "}
            {t("notificationSettings.email")}
          </label>
          <fieldset disabled={!settings.email} className="notification-kinds">
            <legend>{t("notificationSettings.perKind")}</legend>
            {NOTIFICATION_KINDS.map((kind) => (
              <label key={kind} className="field field--inline">
                <input
                  type="checkbox"
                  checked={!settings.mutedKinds.includes(kind)}
                  onChange={(e) => toggleKind(kind, e.target.checked)}
                  data-testid={`notification-kind-${kind}`}
                />{" "}
                {t(`notificationSettings.kinds.${kind}`)}
              </label>
            ))}
          </fieldset>
          {saved && (
            <p className="alert alert--success" role="status" data-testid="notification-settings-saved">
              {t("notificationSettings.saved")}
            </p>
          )}
          {save.error !== null && (
            <p className="alert alert--error" role="alert" data-testid="notification-settings-save-error">
              {errorMessage(t, save.error)}
            </p>
          )}
          <button type="submit" className="button" disabled={save.busy} data-testid="notification-settings-save">
            {t("notificationSettings.save")}
          </button>
        </form>
      )}
    </section>
  );
}
