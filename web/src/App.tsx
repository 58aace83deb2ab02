import { Box, CircularProgress } from '@mui/material';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './auth/AuthContext';
import './i18n';
import { FeedbackSnackbar } from './shell/FeedbackSnackbar';
import { RequirePermission } from './shell/RequirePermission';
import { AppThemeProvider } from './theme';
import type { MessageKey } from './translate';

// every screen is its own chunk: the login route loads only what it needs
const LoginPage = lazy(() => import('./auth/LoginPage'));
const ResetPasswordPage = lazy(() => import('./auth/ResetPasswordPage'));
const AppShell = lazy(() => import('./shell/AppShell'));
const HomePage = lazy(() => import('./pages/HomePage'));
const ComingSoon = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.ComingSoon })));
const NotFound = lazy(() => import('./pages/NotFound'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const RolesPage = lazy(() => import('./admin/RolesPage'));
const AccessLogPage = lazy(() => import('./admin/AccessLogPage'));
const AuditLogPage = lazy(() => import('./admin/AuditLogPage'));
const CustomersPage = lazy(() => import('./customers/CustomersPage'));
const CustomerPage = lazy(() => import('./customers/CustomerPage'));
const ImportPage = lazy(() => import('./customers/ImportPage'));
const CatalogPage = lazy(() => import('./catalog/CatalogPage'));
const RequestsPage = lazy(() => import('./requests/RequestsPage'));
const BoardPage = lazy(() => import('./requests/BoardPage'));
const RequestPage = lazy(() => import('./requests/RequestPage'));
const NewRequestPage = lazy(() => import('./requests/NewRequestPage'));
const RequestSettingsPage = lazy(() => import('./requests/SettingsPage'));
const InboxPage = lazy(() => import('./inbox/InboxPage'));
const ChannelsPage = lazy(() => import('./inbox/ChannelsPage'));
const InboxSettingsPage = lazy(() => import('./inbox/InboxSettingsPage'));
const SimulatorPage = lazy(() => import('./simulator/SimulatorPage'));
const ProfilePage = lazy(() => import('./profile/ProfilePage'));

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 10_000 } },
});

function Loading() {
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '40vh' }}>
      <CircularProgress aria-label="…" />
    </Box>
  );
}

function RequireSignIn() {
  const { me, ready } = useAuth();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <AppShell />;
}

const guarded = (permission: string, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

const MODULES: [string, string, MessageKey][] = [
  ['/quotations', 'quotations:view', 'nav.quotations'],
  ['/schedule', 'scheduling:view', 'nav.scheduling'],
  ['/finance', 'finance:view', 'nav.finance'],
  ['/reports', 'reporting:view', 'nav.reporting'],
];

export function App() {
  return (
    <AppThemeProvider>
      <QueryClientProvider client={queryClient}>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/reset-password" element={<ResetPasswordPage />} />
                <Route element={<RequireSignIn />}>
                  <Route element={<Suspense fallback={<Loading />}><Outlet /></Suspense>}>
                    <Route index element={<HomePage />} />
                    <Route path="/profile" element={<ProfilePage />} />
                    {MODULES.map(([path, permission, title]) => (
                      <Route key={path} path={path} element={guarded(permission, <ComingSoon titleKey={title} />)} />
                    ))}
                    <Route path="/customers" element={guarded('customers:view', <CustomersPage />)} />
                    <Route path="/customers/import" element={guarded('customers:import', <ImportPage />)} />
                    <Route path="/customers/:id" element={guarded('customers:view', <CustomerPage />)} />
                    <Route path="/catalog" element={guarded('catalog:view', <CatalogPage />)} />
                    <Route path="/admin/users" element={guarded('users:view', <UsersPage />)} />
                    <Route path="/admin/roles" element={guarded('roles:view', <RolesPage />)} />
                    <Route path="/admin/access-log" element={guarded('audit:view', <AccessLogPage />)} />
                    <Route path="/admin/audit-log" element={guarded('audit:view', <AuditLogPage />)} />
                    <Route path="/service-requests" element={<Navigate to="/requests" replace />} />
                    <Route path="/requests" element={guarded('servicerequests:view', <RequestsPage />)} />
                    <Route path="/requests/board" element={guarded('servicerequests:view', <BoardPage />)} />
                    <Route path="/requests/new" element={guarded('servicerequests:create', <NewRequestPage />)} />
                    <Route path="/requests/:id/edit" element={guarded('servicerequests:edit', <NewRequestPage />)} />
                    <Route path="/requests/settings" element={guarded('servicerequests:configure', <RequestSettingsPage />)} />
                    <Route path="/requests/:id" element={guarded('servicerequests:view', <RequestPage />)} />
                    <Route path="/inbox/channels" element={guarded('inbox:manage', <ChannelsPage />)} />
                    <Route path="/inbox/settings" element={guarded('inbox:manage', <InboxSettingsPage />)} />
                    {/* one route with the conversation optional: opening one keeps the page, its list and its stream */}
                    <Route path="/inbox/:id?" element={guarded('inbox:view', <InboxPage />)} />
                    <Route path="/simulator" element={guarded('inbox:simulate', <SimulatorPage />)} />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
          <FeedbackSnackbar />
        </AuthProvider>
      </QueryClientProvider>
    </AppThemeProvider>
  );
}
