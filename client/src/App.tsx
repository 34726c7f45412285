import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../shared/api/schemas.ts";
import { AccountPage, ForgotPasswordPage, InvitationPage, ResetPasswordPage } from "./features/account/index.ts";
import { AdminPage } from "./features/admin/index.ts";
import { LoginPage } from "./features/auth/LoginPage.tsx";
import { SsoRefusedPage } from "./features/auth/SsoRefusedPage.tsx";
import { useAuth } from "./features/auth/useAuth.ts";
import { DocumentListPage } from "./features/documents/DocumentListPage.tsx";
import { DocumentPage } from "./features/documents/DocumentPage.tsx";
import { VerifyPage } from "./features/versions/index.ts";
import { errorMessage } from "./i18n/errorMessage.ts";
import { AppHeader } from "./layout/AppHeader.tsx";
import { OrganisationsProvider } from "./lib/Organisations.tsx";
import { navigate } from "./routing/route.ts";
import { useRoute } from "./routing/useRoute.ts";

/** The app shell: sign-in when there is no session, else the routed page under the header. */
export function App() {
  const { t } = useTranslation();
  const auth = useAuth();
  const route = useRoute();
  const signedIn = auth.state.status === "signedIn";

  // The sign-in page has its own address only while signed out; once signed in, go to the list.
  useEffect(() => {
    if (signedIn && route.page === "login") navigate({ page: "list" });
  }, [signedIn, route.page]);

  // Anyone may verify an exported file, signed in or not.
  if (route.page === "verify" && auth.state.status !== "loading") return <VerifyPage />;
  if (route.page === "ssoRefused") return <SsoRefusedPage reason={route.reason} />;
  // A link's holder, signed in or not: accepting or resetting signs them in as that account.
  const linkSignedIn = (user: User) => {
    auth.signedIn(user);
    navigate({ page: "list" });
  };
  if (route.page === "invitation" && auth.state.status !== "loading") {
    return <InvitationPage token={route.token} onSignedIn={linkSignedIn} />;
  }
  if (route.page === "reset" && auth.state.status !== "loading") {
    return <ResetPasswordPage token={route.token} onSignedIn={linkSignedIn} />;
  }

  switch (auth.state.status) {
    case "loading":
      return <p className="page muted">{t("app.loading")}</p>;
    case "failed":
      return (
        <main className="page">
          <p className="alert alert--error" role="alert">
            {errorMessage(t, auth.state.error)}
          </p>
          <button type="button" className="button" onClick={auth.reload}>
            {t("app.retry")}
          </button>
        </main>
      );
    case "signedOut":
      return route.page === "forgot" ? <ForgotPasswordPage /> : <LoginPage onSignedIn={auth.signedIn} />;
    case "signedIn":
      return (
        <OrganisationsProvider userId={auth.state.user.id}>
          <AppHeader
            user={auth.state.user}
            onSignOut={() => {
              void auth.signOut().then(() => navigate({ page: "login" }));
            }}
          />
          {route.page === "account" ? (
            <AccountPage user={auth.state.user} onChanged={auth.signedIn} />
          ) : route.page === "admin" && auth.state.user.instanceRole !== null ? (
            <AdminPage user={auth.state.user} />
          ) : route.page === "document" ? (
            <DocumentPage
              key={route.documentId}
              documentId={route.documentId}
              user={auth.state.user}
              onSessionExpired={auth.expired}
            />
          ) : (
            <DocumentListPage user={auth.state.user} />
          )}
        </OrganisationsProvider>
      );
  }
}
