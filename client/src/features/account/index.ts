export { AccountPage } from "./AccountPage.tsx";
export { ForgotPasswordPage } from "./ForgotPasswordPage.tsx";
export { InvitationPage } from "./InvitationPage.tsx";
export { ResetPasswordPage } from "./ResetPasswordPage.tsx";
