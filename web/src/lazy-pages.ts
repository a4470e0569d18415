import { lazy } from "react";

/*
 * The account and admin pages load on demand, in their own chunks, so the public pages
 * (the catalog above all) do not download them.
 */

/** `/sign-in`. */
export const SignInPage = lazy(() => import("./pages/auth/sign-in-page.tsx").then((module) => ({ default: module.SignInPage })));
/** `/sign-up`. */
export const SignUpPage = lazy(() => import("./pages/auth/sign-up-page.tsx").then((module) => ({ default: module.SignUpPage })));
/** `/verify-email#token=…`. */
export const VerifyEmailPage = lazy(() => import("./pages/auth/verify-email-page.tsx").then((module) => ({ default: module.VerifyEmailPage })));
/** `/reset-password`, with or without `#token=…`. */
export const ResetPasswordPage = lazy(() => import("./pages/auth/reset-password-page.tsx").then((module) => ({ default: module.ResetPasswordPage })));
/** `/invitations#token=…`. */
export const InvitationPage = lazy(() => import("./pages/auth/invitation-page.tsx").then((module) => ({ default: module.InvitationPage })));
/** `/account`. */
export const AccountPage = lazy(() => import("./pages/account/account-page.tsx").then((module) => ({ default: module.AccountPage })));
/** `/account/tokens`. */
export const TokensPage = lazy(() => import("./pages/account/tokens-page.tsx").then((module) => ({ default: module.TokensPage })));
/** `/admin/:program`. */
export const AdminPeoplePage = lazy(() => import("./pages/admin/admin-people-page.tsx").then((module) => ({ default: module.AdminPeoplePage })));
/** `/admin/:program/audit`. */
export const AdminAuditPage = lazy(() => import("./pages/admin/admin-audit-page.tsx").then((module) => ({ default: module.AdminAuditPage })));
/** `/admin/:program/outbox`. */
export const AdminOutboxPage = lazy(() => import("./pages/admin/admin-outbox-page.tsx").then((module) => ({ default: module.AdminOutboxPage })));
