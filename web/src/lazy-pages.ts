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
/** `/admin/:program/settings`. */
export const AdminMentorshipsPage = lazy(() => import("./pages/admin/admin-mentorships-page.tsx").then((module) => ({ default: module.AdminMentorshipsPage })));
export const AdminStipendsPage = lazy(() => import("./pages/admin/admin-stipends-page.tsx").then((module) => ({ default: module.AdminStipendsPage })));
export const AdminSettingsPage = lazy(() => import("./pages/admin/admin-settings-page.tsx").then((module) => ({ default: module.AdminSettingsPage })));
/** `/admin/:program/eligibility`. */
export const AdminEligibilityPage = lazy(() => import("./pages/admin/admin-eligibility-page.tsx").then((module) => ({ default: module.AdminEligibilityPage })));
/** `/admin/:program/organizations`. */
export const AdminOrganizationsPage = lazy(() =>
  import("./pages/admin/admin-organizations-page.tsx").then((module) => ({ default: module.AdminOrganizationsPage })),
);
/** `/admin/:program/terms`. */
export const AdminTermsPage = lazy(() => import("./pages/admin/admin-terms-page.tsx").then((module) => ({ default: module.AdminTermsPage })));
/** `/admin/:program/new-term`. */
export const TermNewPage = lazy(() => import("./pages/admin/term-new-page.tsx").then((module) => ({ default: module.TermNewPage })));
/** `/admin/:program/terms/:term`. */
export const TermSetupPage = lazy(() => import("./pages/admin/term-setup-page.tsx").then((module) => ({ default: module.TermSetupPage })));
/** `/proposals/:proposal`. */
export const ProposalFormPage = lazy(() => import("./pages/proposals/proposal-form-page.tsx").then((module) => ({ default: module.ProposalFormPage })));
/** `/terms/:term/proposals/new`. */
export const NewProposalPage = lazy(() => import("./pages/proposals/new-proposal-page.tsx").then((module) => ({ default: module.NewProposalPage })));
/** `/mentor-confirmations#token=…`. */
export const MentorConfirmationPage = lazy(() =>
  import("./pages/proposals/mentor-confirmation-page.tsx").then((module) => ({ default: module.MentorConfirmationPage })),
);
/** `/admin/:program/terms/:term/proposals`. */
export const ProposalBoardPage = lazy(() => import("./pages/admin/proposal-board-page.tsx").then((module) => ({ default: module.ProposalBoardPage })));
/** `/projects/:project/apply`. */
export const ApplyPage = lazy(() => import("./pages/applications/apply-page.tsx").then((module) => ({ default: module.ApplyPage })));
/** `/applications`. */
export const MyApplicationsPage = lazy(() =>
  import("./pages/applications/my-applications-page.tsx").then((module) => ({ default: module.MyApplicationsPage })),
);
/** `/applications/:application`. */
export const ApplicationPage = lazy(() => import("./pages/applications/application-page.tsx").then((module) => ({ default: module.ApplicationPage })));
/** `/mentoring`. */
export const MentorshipPage = lazy(() => import("./pages/mentorships/mentorship-page.tsx").then((module) => ({ default: module.MentorshipPage })));
export const MentoringPage = lazy(() => import("./pages/mentoring/mentoring-page.tsx").then((module) => ({ default: module.MentoringPage })));
/** `/projects/:project/applications`. */
export const ProjectApplicationsPage = lazy(() =>
  import("./pages/mentoring/project-applications-page.tsx").then((module) => ({ default: module.ProjectApplicationsPage })),
);
/** `/admin/:program/terms/:term/applications`. */
export const TermApplicationsPage = lazy(() => import("./pages/admin/term-applications-page.tsx").then((module) => ({ default: module.TermApplicationsPage })));
export const SelectionPage = lazy(() => import("./pages/admin/selection-page.tsx").then((module) => ({ default: module.SelectionPage })));
/** The home page's "what needs you now", for signed-in people only. */
export const HomeWork = lazy(() => import("./pages/home/home-work.tsx").then((module) => ({ default: module.HomeWork })));
/** `/admin/:program/terms/:term/report`. */
export const TermReportPage = lazy(() => import("./pages/admin/term-report-page.tsx").then((module) => ({ default: module.TermReportPage })));
