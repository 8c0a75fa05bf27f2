import type { ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { AuditEvents } from '../audit/Events.tsx';
import { Outbox } from '../audit/Outbox.tsx';
import { AmendBylaws } from '../bylaws/AmendBylaws.tsx';
import { BylawsPage, BylawsVersionPage } from '../bylaws/BylawsPage.tsx';
import { Dashboard } from '../coop/Dashboard.tsx';
import { SetupWizard } from '../coop/SetupWizard.tsx';
import { CyclePage } from '../governance/CyclePage.tsx';
import { Cycles } from '../governance/Cycles.tsx';
import { PollPage } from '../governance/PollPage.tsx';
import { Votes } from '../governance/Votes.tsx';
import { AcceptInvitation } from '../members/AcceptInvitation.tsx';
import { ChoosePassword } from '../members/ChoosePassword.tsx';
import { Directory } from '../members/Directory.tsx';
import { Invitations } from '../members/Invitations.tsx';
import { ForgotPassword, ResetPassword } from '../members/PasswordReset.tsx';
import { Profile } from '../members/Profile.tsx';
import { SignIn } from '../members/SignIn.tsx';
import { VerifyEmail } from '../members/VerifyEmail.tsx';
import { OrganizationDetail } from '../organizations/OrganizationDetail.tsx';
import { EditOrganization, NewOrganization } from '../organizations/OrganizationForm.tsx';
import { Organizations } from '../organizations/Organizations.tsx';
import { Layout } from './Layout.tsx';
import { Page } from './Page.tsx';
import { useSession } from './session.tsx';

/** Pages for signed-in users; others are sent to sign in and brought back afterwards. */
function SignedIn({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (session.user) return <>{children}</>;
  const next = location + (search ? `?${search}` : '');
  return <Redirect to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} />;
}

function NotFound() {
  return (
    <Page title="Page not found">
      <p>There is no page at this address. Try the links above.</p>
    </Page>
  );
}

export function App() {
  const { session } = useSession();
  const [location] = useLocation();

  if (session.setupRequired)
    return (
      <Layout>
        <SetupWizard />
      </Layout>
    );

  return (
    <Layout>
      {/* Keyed by path: a new page mounts afresh (and its h1 takes the focus); a new query does not. */}
      <Switch key={location}>
        <Route path="/sign-in">{session.user ? <Redirect to="/" /> : <SignIn />}</Route>
        <Route path="/forgot-password" component={ForgotPassword} />
        <Route path="/reset-password/:token" component={ResetPassword} />
        <Route path="/invite/:token" component={AcceptInvitation} />
        <Route path="/verify-email/:token" component={VerifyEmail} />
        <Route path="/bylaws" component={BylawsPage} />
        <Route path="/bylaws/versions/:version" component={BylawsVersionPage} />
        <Route path="/bylaws/amend">
          <SignedIn>
            <AmendBylaws />
          </SignedIn>
        </Route>
        <Route path="/">
          <SignedIn>
            <Dashboard />
          </SignedIn>
        </Route>
        <Route path="/choose-password">
          <SignedIn>
            <ChoosePassword />
          </SignedIn>
        </Route>
        <Route path="/members">
          <SignedIn>
            <Directory />
          </SignedIn>
        </Route>
        <Route path="/members/:id">
          {(params) => (
            <SignedIn>
              <Profile id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/organizations">
          <SignedIn>
            <Organizations />
          </SignedIn>
        </Route>
        <Route path="/organizations/new">
          <SignedIn>
            <NewOrganization />
          </SignedIn>
        </Route>
        <Route path="/organizations/:id/edit">
          {(params) => (
            <SignedIn>
              <EditOrganization id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/organizations/:id">
          {(params) => (
            <SignedIn>
              <OrganizationDetail id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/cycles">
          <SignedIn>
            <Cycles />
          </SignedIn>
        </Route>
        <Route path="/cycles/:id">
          {(params) => (
            <SignedIn>
              <CyclePage id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/votes">
          <SignedIn>
            <Votes />
          </SignedIn>
        </Route>
        <Route path="/votes/:id">
          {(params) => (
            <SignedIn>
              <PollPage id={params.id} />
            </SignedIn>
          )}
        </Route>
        <Route path="/invitations">
          <SignedIn>
            <Invitations />
          </SignedIn>
        </Route>
        <Route path="/outbox">
          <SignedIn>
            <Outbox />
          </SignedIn>
        </Route>
        <Route path="/events">
          <SignedIn>
            <AuditEvents />
          </SignedIn>
        </Route>
        <Route component={NotFound} />
      </Switch>
    </Layout>
  );
}
