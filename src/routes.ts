import { agreementsRoutes } from './agreements/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { bylawsRoutes } from './bylaws/routes.ts';
import { concernsRoutes } from './concerns/routes.ts';
import { contributionsRoutes } from './contributions/routes.ts';
import { coopRoutes } from './coop/routes.ts';
import { digestsRoutes } from './digests/routes.ts';
import { documentsRoutes } from './documents/routes.ts';
import { expenseRoutes } from './finance/expenses/routes.ts';
import { payrollRoutes } from './finance/payroll/routes.ts';
import { reportRoutes } from './finance/reports/routes.ts';
import { statementRoutes } from './finance/statements/routes.ts';
import { financeRoutes } from './finance/routes.ts';
import { invoicingRoutes } from './invoicing/routes.ts';
import { labourRoutes } from './governance/labourRoutes.ts';
import { pollRoutes } from './governance/pollRoutes.ts';
import { governanceRoutes } from './governance/routes.ts';
import { authRoutes } from './members/authRoutes.ts';
import { membersRoutes } from './members/routes.ts';
import { organizationsRoutes } from './organizations/routes.ts';
import { releasesRoutes } from './releases/routes.ts';
import { pipelineRoutes } from './pipeline/routes.ts';
import type { RouteModule } from './platform/http/server.ts';
import { serviceLevelsRoutes } from './servicelevels/routes.ts';
import { vulnerabilitiesRoutes } from './vulnerabilities/routes.ts';
import { requestsRoutes } from './requests/routes.ts';
import { todoRoutes } from './todo/routes.ts';
import { transparencyRoutes } from './transparency/routes.ts';
import { webhooksRoutes } from './webhooks/routes.ts';

/** Every domain's routes; a new domain adds its module here. */
export const routeModules: RouteModule[] = [
  coopRoutes,
  authRoutes,
  membersRoutes,
  organizationsRoutes,
  bylawsRoutes,
  governanceRoutes,
  pollRoutes,
  labourRoutes,
  financeRoutes,
  statementRoutes,
  expenseRoutes,
  payrollRoutes,
  reportRoutes,
  invoicingRoutes,
  auditRoutes,
  webhooksRoutes,
  todoRoutes,
  agreementsRoutes,
  pipelineRoutes,
  documentsRoutes,
  contributionsRoutes,
  transparencyRoutes,
  serviceLevelsRoutes,
  vulnerabilitiesRoutes,
  requestsRoutes,
  concernsRoutes,
  digestsRoutes,
  releasesRoutes,
];
