import { lazy, Suspense, type ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useSearch } from 'wouter';
import { AuditEvents } from '../audit/Events.tsx';
import { Outbox } from '../audit/Outbox.tsx';
import { AmendBylaws } from '../bylaws/AmendBylaws.tsx';
import { BylawsPage, BylawsVersionPage } from '../bylaws/BylawsPage.tsx';
import { Dashboard } from '../coop/Dashboard.tsx';
import { SetupWizard } from '../coop/SetupWizard.tsx';
import { CyclePage } from '../governance/CyclePage.tsx';
import { Cycles } from '../governance/Cycles.tsx';
import { LabourPage } from '../governance/Labour.tsx';
import { Portal } from '../portal/Portal.tsx';
import { PollPage } from '../governance/PollPage.tsx';
import { Votes } from '../governance/Votes.tsx';
import { AcceptInvitation } from '../members/AcceptInvitation.tsx';
import { ChoosePassword } from '../members/ChoosePassword.tsx';
import { Directory } from '../members/Directory.tsx';
import { Invitations } from '../members/Invitations.tsx';
import { ForgotPassword, ResetPassword } from '../members/PasswordReset.tsx';
import { Profile } from '../members/Profile.tsx';
import { SignIn } from '../members/SignIn.tsx';
import { SignInLink } from '../members/SignInLink.tsx';
import { VerifyEmail } from '../members/VerifyEmail.tsx';
import { OrganizationDetail } from '../organizations/OrganizationDetail.tsx';
import { EditOrganization, NewOrganization } from '../organizations/OrganizationForm.tsx';
import { Organizations } from '../organizations/Organizations.tsx';
import { LogPage } from '../transparency/LogPage.tsx';
import { Layout } from './Layout.tsx';
import { Loading, Page } from './Page.tsx';
import { useSession } from './session.tsx';
import { t } from './messages.ts';

// The books load on first use: they are much of the app's code, and many visits never open them.
const screens = () => import('../finance/screens.ts');
const Accounts = lazy(() => screens().then((m) => ({ default: m.Accounts })));
const Bank = lazy(() => screens().then((m) => ({ default: m.Bank })));
const BooksHome = lazy(() => screens().then((m) => ({ default: m.BooksHome })));
const ClaimPage = lazy(() => screens().then((m) => ({ default: m.ClaimPage })));
const Dividends = lazy(() => screens().then((m) => ({ default: m.Dividends })));
const Entries = lazy(() => screens().then((m) => ({ default: m.Entries })));
const Expenses = lazy(() => screens().then((m) => ({ default: m.Expenses })));
const NewClaim = lazy(() => screens().then((m) => ({ default: m.NewClaim })));
const Pay = lazy(() => screens().then((m) => ({ default: m.Pay })));
const PostEntry = lazy(() => screens().then((m) => ({ default: m.PostEntry })));
const PublicFinance = lazy(() => screens().then((m) => ({ default: m.PublicFinance })));
const Reports = lazy(() => screens().then((m) => ({ default: m.Reports })));
const SponsorPayment = lazy(() => screens().then((m) => ({ default: m.SponsorPayment })));
const YearEnd = lazy(() => screens().then((m) => ({ default: m.YearEnd })));
const serviceLevelScreens = () => import('../servicelevels/screens.ts');
const Clocks = lazy(() => serviceLevelScreens().then((m) => ({ default: m.Clocks })));
const ClockPage = lazy(() => serviceLevelScreens().then((m) => ({ default: m.ClockPage })));
const ComplianceReport = lazy(() =>
  serviceLevelScreens().then((m) => ({ default: m.ComplianceReport })),
);
const requestScreens = () => import('../requests/screens.ts');
const Requests = lazy(() => requestScreens().then((m) => ({ default: m.Requests })));
const NewRequest = lazy(() => requestScreens().then((m) => ({ default: m.NewRequest })));
const RequestPage = lazy(() => requestScreens().then((m) => ({ default: m.RequestPage })));
const releaseScreens = () => import('../releases/screens.ts');
const Releases = lazy(() => releaseScreens().then((m) => ({ default: m.Releases })));
const NewRelease = lazy(() => releaseScreens().then((m) => ({ default: m.NewRelease })));
const EditRelease = lazy(() => releaseScreens().then((m) => ({ default: m.EditRelease })));
const ReleasePage = lazy(() => releaseScreens().then((m) => ({ default: m.ReleasePage })));
const vulnerabilityScreens = () => import('../vulnerabilities/screens.ts');
const Vulnerabilities = lazy(() =>
  vulnerabilityScreens().then((m) => ({ default: m.Vulnerabilities })),
);
const NewVulnerability = lazy(() =>
  vulnerabilityScreens().then((m) => ({ default: m.NewVulnerability })),
);
const VulnerabilityPage = lazy(() =>
  vulnerabilityScreens().then((m) => ({ default: m.VulnerabilityPage })),
);
const agreementScreens = () => import('../agreements/screens.ts');
const AcceptQuote = lazy(() => agreementScreens().then((m) => ({ default: m.AcceptQuote })));
const AgreementPage = lazy(() => agreementScreens().then((m) => ({ default: m.AgreementPage })));
const Agreements = lazy(() => agreementScreens().then((m) => ({ default: m.Agreements })));
const Capacity = lazy(() => agreementScreens().then((m) => ({ default: m.Capacity })));
const Documents = lazy(() => agreementScreens().then((m) => ({ default: m.Documents })));
const NewAgreement = lazy(() => agreementScreens().then((m) => ({ default: m.NewAgreement })));
const NewQuote = lazy(() => agreementScreens().then((m) => ({ default: m.NewQuote })));
const NewTier = lazy(() => agreementScreens().then((m) => ({ default: m.NewTier })));
const QuotePage = lazy(() => agreementScreens().then((m) => ({ default: m.QuotePage })));
const Quotes = lazy(() => agreementScreens().then((m) => ({ default: m.Quotes })));
const ReviseTier = lazy(() => agreementScreens().then((m) => ({ default: m.ReviseTier })));
const Tiers = lazy(() => agreementScreens().then((m) => ({ default: m.Tiers })));
const pipelineScreens = () => import('../pipeline/screens.ts');
const PipelineBoard = lazy(() => pipelineScreens().then((m) => ({ default: m.PipelineBoard })));
const NewOpportunity = lazy(() => pipelineScreens().then((m) => ({ default: m.NewOpportunity })));
const Forecast = lazy(() => pipelineScreens().then((m) => ({ default: m.Forecast })));
const invoiceScreens = () => import('../invoicing/screens.ts');
const Invoices = lazy(() => invoiceScreens().then((m) => ({ default: m.Invoices })));
const InvoicePage = lazy(() => invoiceScreens().then((m) => ({ default: m.InvoicePage })));
const NewInvoice = lazy(() => invoiceScreens().then((m) => ({ default: m.NewInvoice })));
const Dunning = lazy(() => invoiceScreens().then((m) => ({ default: m.Dunning })));
const InvoicingSettings = lazy(() =>
  invoiceScreens().then((m) => ({ default: m.InvoicingSettings })),
);
const concernScreens = () => import('../concerns/screens.ts');
const ConsultationByLink = lazy(() =>
  concernScreens().then((m) => ({ default: m.ConsultationByLink })),
);
const Consultations = lazy(() => concernScreens().then((m) => ({ default: m.Consultations })));
const OurConcerns = lazy(() => concernScreens().then((m) => ({ default: m.OurConcerns })));
const WorkItemConsultations = lazy(() =>
  concernScreens().then((m) => ({ default: m.WorkItemConsultations })),
);
const digestScreens = () => import('../digests/screens.ts');
const SponsorDigests = lazy(() => digestScreens().then((m) => ({ default: m.SponsorDigests })));
const SponsorDigestPage = lazy(() =>
  digestScreens().then((m) => ({ default: m.SponsorDigestPage })),
);
const webhookScreens = () => import('../webhooks/screens.ts');
const Webhooks = lazy(() => webhookScreens().then((m) => ({ default: m.Webhooks })));
const EventTypes = lazy(() => webhookScreens().then((m) => ({ default: m.EventTypes })));
const contributionScreens = () => import('../contributions/screens.ts');
const Repositories = lazy(() => contributionScreens().then((m) => ({ default: m.Repositories })));
const RepositoryPage = lazy(() =>
  contributionScreens().then((m) => ({ default: m.RepositoryPage })),
);
const BranchCheck = lazy(() => contributionScreens().then((m) => ({ default: m.BranchCheck })));
const CommitPage = lazy(() => contributionScreens().then((m) => ({ default: m.CommitPage })));
const Contributors = lazy(() => contributionScreens().then((m) => ({ default: m.Contributors })));
const DcoText = lazy(() => contributionScreens().then((m) => ({ default: m.DcoText })));

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
    <Page title={t('page.notFoundTitle')}>
      <p>{t('page.notFound')}</p>
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
      <Suspense fallback={<Loading />}>
        <Switch key={location}>
          <Route path="/sign-in">{session.user ? <Redirect to="/" /> : <SignIn />}</Route>
          <Route path="/forgot-password" component={ForgotPassword} />
          <Route path="/reset-password/:token" component={ResetPassword} />
          <Route path="/invite/:token" component={AcceptInvitation} />
          <Route path="/verify-email/:token" component={VerifyEmail} />
          <Route path="/sign-in-link/:token" component={SignInLink} />
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
          <Route path="/portal">
            <SignedIn>
              <Portal />
            </SignedIn>
          </Route>
          <Route path="/labour">
            <SignedIn>
              <LabourPage />
            </SignedIn>
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
          <Route path="/finance" component={PublicFinance} />
          <Route path="/tiers" component={Tiers} />
          <Route path="/consultation/:token">
            {(params) => <ConsultationByLink token={params.token} />}
          </Route>
          <Route path="/concerns">
            <SignedIn>
              <OurConcerns />
            </SignedIn>
          </Route>
          <Route path="/organizations/:id/concerns">
            {(params) => (
              <SignedIn>
                <OurConcerns id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/consultations">
            <SignedIn>
              <Consultations />
            </SignedIn>
          </Route>
          <Route path="/work-items/:id/consultations">
            {(params) => (
              <SignedIn>
                <WorkItemConsultations id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/quote/:token">{(params) => <AcceptQuote token={params.token} />}</Route>
          <Route path="/tiers/new">
            <SignedIn>
              <NewTier />
            </SignedIn>
          </Route>
          <Route path="/tiers/:id/revise">
            {(params) => (
              <SignedIn>
                <ReviseTier id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/quotes">
            <SignedIn>
              <Quotes />
            </SignedIn>
          </Route>
          <Route path="/quotes/new">
            <SignedIn>
              <NewQuote />
            </SignedIn>
          </Route>
          <Route path="/quotes/:id">
            {(params) => (
              <SignedIn>
                <QuotePage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/agreements">
            <SignedIn>
              <Agreements />
            </SignedIn>
          </Route>
          <Route path="/agreements/new">
            <SignedIn>
              <NewAgreement />
            </SignedIn>
          </Route>
          <Route path="/agreements/:id">
            {(params) => (
              <SignedIn>
                <AgreementPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/releases">
            <SignedIn>
              <Releases />
            </SignedIn>
          </Route>
          <Route path="/releases/new">
            <SignedIn>
              <NewRelease />
            </SignedIn>
          </Route>
          <Route path="/releases/:id/edit">
            {(params) => (
              <SignedIn>
                <EditRelease id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/releases/:id">
            {(params) => (
              <SignedIn>
                <ReleasePage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/vulnerabilities">
            <SignedIn>
              <Vulnerabilities />
            </SignedIn>
          </Route>
          <Route path="/vulnerabilities/new">
            <SignedIn>
              <NewVulnerability />
            </SignedIn>
          </Route>
          <Route path="/vulnerabilities/:id">
            {(params) => (
              <SignedIn>
                <VulnerabilityPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/organizations/:id/service-report">
            {(params) => (
              <SignedIn>
                <ComplianceReport organizationId={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/clocks">
            <SignedIn>
              <Clocks />
            </SignedIn>
          </Route>
          <Route path="/clocks/:id">
            {(params) => (
              <SignedIn>
                <ClockPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/requests">
            <SignedIn>
              <Requests />
            </SignedIn>
          </Route>
          <Route path="/requests/new">
            <SignedIn>
              <NewRequest />
            </SignedIn>
          </Route>
          <Route path="/requests/:id">
            {(params) => (
              <SignedIn>
                <RequestPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/digests">
            <SignedIn>
              <SponsorDigests />
            </SignedIn>
          </Route>
          <Route path="/digests/:id">
            {(params) => (
              <SignedIn>
                <SponsorDigestPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/pipeline">
            <SignedIn>
              <PipelineBoard />
            </SignedIn>
          </Route>
          <Route path="/pipeline/new">
            <SignedIn>
              <NewOpportunity />
            </SignedIn>
          </Route>
          <Route path="/pipeline/forecast">
            <SignedIn>
              <Forecast />
            </SignedIn>
          </Route>
          <Route path="/capacity">
            <SignedIn>
              <Capacity />
            </SignedIn>
          </Route>
          <Route path="/documents">
            <SignedIn>
              <Documents />
            </SignedIn>
          </Route>
          <Route path="/books">
            <SignedIn>
              <BooksHome />
            </SignedIn>
          </Route>
          <Route path="/books/accounts">
            <SignedIn>
              <Accounts />
            </SignedIn>
          </Route>
          <Route path="/books/entries">
            <SignedIn>
              <Entries />
            </SignedIn>
          </Route>
          <Route path="/books/entries/new">
            <SignedIn>
              <PostEntry />
            </SignedIn>
          </Route>
          <Route path="/books/sponsor-payment">
            <SignedIn>
              <SponsorPayment />
            </SignedIn>
          </Route>
          <Route path="/books/reports">
            <SignedIn>
              <Reports />
            </SignedIn>
          </Route>
          <Route path="/books/bank">
            <SignedIn>
              <Bank />
            </SignedIn>
          </Route>
          <Route path="/books/expenses">
            <SignedIn>
              <Expenses />
            </SignedIn>
          </Route>
          <Route path="/books/expenses/new">
            <SignedIn>
              <NewClaim />
            </SignedIn>
          </Route>
          <Route path="/books/expenses/:id">
            {(params) => (
              <SignedIn>
                <ClaimPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/books/pay">
            <SignedIn>
              <Pay />
            </SignedIn>
          </Route>
          <Route path="/books/year-end">
            <SignedIn>
              <YearEnd />
            </SignedIn>
          </Route>
          <Route path="/books/dividends">
            <SignedIn>
              <Dividends />
            </SignedIn>
          </Route>
          <Route path="/invoices">
            <SignedIn>
              <Invoices />
            </SignedIn>
          </Route>
          <Route path="/invoices/new">
            <SignedIn>
              <NewInvoice />
            </SignedIn>
          </Route>
          <Route path="/invoices/dunning">
            <SignedIn>
              <Dunning />
            </SignedIn>
          </Route>
          <Route path="/invoices/settings">
            <SignedIn>
              <InvoicingSettings />
            </SignedIn>
          </Route>
          <Route path="/invoices/:id">
            {(params) => (
              <SignedIn>
                <InvoicePage id={params.id} />
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
          <Route path="/dco" component={DcoText} />
          <Route path="/contributions">
            <SignedIn>
              <Repositories />
            </SignedIn>
          </Route>
          <Route path="/contributions/contributors">
            <SignedIn>
              <Contributors />
            </SignedIn>
          </Route>
          <Route path="/contributions/repositories/:id">
            {(params) => (
              <SignedIn>
                <RepositoryPage id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/contributions/repositories/:id/commits/:sha">
            {(params) => (
              <SignedIn>
                <CommitPage id={params.id} sha={params.sha} />
              </SignedIn>
            )}
          </Route>
          <Route path="/contributions/repositories/:id/dco">
            {(params) => (
              <SignedIn>
                <BranchCheck id={params.id} />
              </SignedIn>
            )}
          </Route>
          <Route path="/webhooks">
            <SignedIn>
              <Webhooks />
            </SignedIn>
          </Route>
          <Route path="/log" component={LogPage} />
          <Route path="/event-types">
            <SignedIn>
              <EventTypes />
            </SignedIn>
          </Route>
          <Route component={NotFound} />
        </Switch>
      </Suspense>
    </Layout>
  );
}
