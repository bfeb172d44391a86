// Route table. The sign-in family (each the first screen of some visit, often from an e-mailed
// link) and the workspace pages load with the app; every other page is a chunk loaded on demand.
import { lazy, Suspense, type ReactNode } from 'react'
import { createBrowserRouter } from 'react-router'
import { AppLayout } from './components/AppLayout'
import { RequireAuth } from './components/RequireAuth'
import { PageLoading } from './components/PageLoading'
import { LoginPage } from './pages/LoginPage'
import { SignupPage } from './pages/SignupPage'
import { ConfirmSignupPage } from './pages/ConfirmSignupPage'
import { ForgotPasswordPage } from './pages/ForgotPasswordPage'
import { ResetPasswordPage } from './pages/ResetPasswordPage'
import { InvitePage } from './pages/InvitePage'
import { WorkspacesPage } from './pages/WorkspacesPage'
import { WorkspacePage } from './pages/WorkspacePage'
import { NotFoundPage } from './pages/NotFoundPage'

const AccountPage = lazy(() => import('./pages/AccountPage'))
const DocumentPage = lazy(() => import('./pages/DocumentPage'))
const HistoryPage = lazy(() => import('./pages/HistoryPage'))
const MeetingsPage = lazy(() => import('./pages/MeetingsPage'))
const MeetingPage = lazy(() => import('./pages/MeetingPage'))
const ActionsPage = lazy(() => import('./pages/ActionsPage'))
const AuditPage = lazy(() => import('./pages/AuditPage'))

const withSuspense = (label: string, page: ReactNode) => <Suspense fallback={<PageLoading label={label} />}>{page}</Suspense>

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  { path: '/confirm-signup', element: <ConfirmSignupPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/invite', element: <InvitePage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { path: '/', element: <WorkspacesPage /> },
      { path: '/w/:workspaceId', element: <WorkspacePage /> },
      { path: '/account', element: withSuspense('Loading your account…', <AccountPage />) },
      {
        path: '/d/:documentId',
        element: (
          <Suspense fallback={<PageLoading label="Opening document…" />}>
            <DocumentPage />
          </Suspense>
        ),
      },
      { path: '/d/:documentId/history', element: withSuspense('Loading history…', <HistoryPage />) },
      { path: '/d/:documentId/compare', element: withSuspense('Loading history…', <HistoryPage />) },
      { path: '/w/:workspaceId/meetings', element: withSuspense('Loading meetings…', <MeetingsPage />) },
      { path: '/w/:workspaceId/actions', element: withSuspense('Loading actions…', <ActionsPage />) },
      { path: '/w/:workspaceId/audit', element: withSuspense('Loading the audit log…', <AuditPage />) },
      { path: '/m/:meetingId', element: withSuspense('Opening meeting…', <MeetingPage />) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
