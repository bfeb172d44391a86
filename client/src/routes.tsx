// Route table. The document page (Tiptap + Yjs) is a separate chunk loaded on demand,
// so the sign-in and workspace pages stay light.
import { lazy, Suspense } from 'react'
import { createBrowserRouter } from 'react-router'
import { AppLayout } from './components/AppLayout'
import { RequireAuth } from './components/RequireAuth'
import { PageLoading } from './components/PageLoading'
import { LoginPage } from './pages/LoginPage'
import { SignupPage } from './pages/SignupPage'
import { WorkspacesPage } from './pages/WorkspacesPage'
import { WorkspacePage } from './pages/WorkspacePage'
import { NotFoundPage } from './pages/NotFoundPage'

const DocumentPage = lazy(() => import('./pages/DocumentPage'))

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/signup', element: <SignupPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { path: '/', element: <WorkspacesPage /> },
      { path: '/w/:workspaceId', element: <WorkspacePage /> },
      {
        path: '/d/:documentId',
        element: (
          <Suspense fallback={<PageLoading label="Opening document…" />}>
            <DocumentPage />
          </Suspense>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])
