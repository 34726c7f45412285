// What the header, the account page and the document list compose from the notifications feature.
export { NotificationBell } from "./NotificationBell.tsx";
export { NotificationSettingsSection } from "./NotificationSettingsSection.tsx";
export { WaitingBadges } from "./WaitingBadges.tsx";
