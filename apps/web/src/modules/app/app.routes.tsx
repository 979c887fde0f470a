import { type ComponentType, h } from 'preact';
import { lazy, Route, Router } from 'preact-iso';
import { useLanguage } from '../../i18n/i18n.ts';
import { LoginPage } from '../auth/auth.login.page.tsx';
import { HomePage } from './app.home.page.tsx';
import { paths } from './app.paths.ts';
import { NotFoundPage, PageLoadFailed } from './app.ui.tsx';

/**
 * The router keeps a route's element between renders, so a page would not notice a language
 * switch on its own; this wrapper subscribes every page to the language.
 */
function withLanguage<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function LanguageAwarePage(props: P) {
    useLanguage();
    return h(Page, props);
  };
}

/** Loads a page's code on first visit; a failed download (weak signal) offers a reload instead of a blank page. */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return withLanguage(lazy(() => load().catch(() => PageLoadFailed as ComponentType<P>)));
}

const OrgUnitTreePage = lazyPage(() =>
  import('../org-units/org-units.tree.page.tsx').then((module) => module.OrgUnitTreePage),
);
const OrgUnitDetailPage = lazyPage(() =>
  import('../org-units/org-units.detail.page.tsx').then((module) => module.OrgUnitDetailPage),
);
const UserListPage = lazyPage(() =>
  import('../users/users.list.page.tsx').then((module) => module.UserListPage),
);
const UserDetailPage = lazyPage(() =>
  import('../users/users.detail.page.tsx').then((module) => module.UserDetailPage),
);
const AuditPage = lazyPage(() => import('../audit/audit.page.tsx').then((module) => module.AuditPage));
const AccountPage = lazyPage(() =>
  import('../auth/auth.account.page.tsx').then((module) => module.AccountPage),
);
const PlanListPage = lazyPage(() =>
  import('../plans/plans.list.page.tsx').then((module) => module.PlanListPage),
);
const PlanCreatePage = lazyPage(() =>
  import('../plans/plans.create.page.tsx').then((module) => module.PlanCreatePage),
);
const PlanDetailPage = lazyPage(() =>
  import('../plans/plans.detail.page.tsx').then((module) => module.PlanDetailPage),
);
const PlanEditorPage = lazyPage(() =>
  import('../plans/plans.editor.page.tsx').then((module) => module.PlanEditorPage),
);
const PlanAssignmentsPage = lazyPage(() =>
  import('../plans/plans.assignments.page.tsx').then((module) => module.PlanAssignmentsPage),
);
const PlanTracePage = lazyPage(() =>
  import('../plans/plans.trace.page.tsx').then((module) => module.PlanTracePage),
);
const TaskListPage = lazyPage(() =>
  import('../tasks/tasks.list.page.tsx').then((module) => module.TaskListPage),
);
const TaskCalendarPage = lazyPage(() =>
  import('../tasks/tasks.list.page.tsx').then((module) => module.TaskCalendarPage),
);
const TaskProgressPage = lazyPage(() =>
  import('../tasks/tasks.progress.page.tsx').then((module) => module.TaskProgressPage),
);
const PlanImportUploadPage = lazyPage(() =>
  import('../imports/imports.upload.page.tsx').then((module) => module.PlanImportUploadPage),
);
const PlanImportReviewPage = lazyPage(() =>
  import('../imports/imports.review.page.tsx').then((module) => module.PlanImportReviewPage),
);
const CalendarPage = lazyPage(() =>
  import('../calendar/calendar.page.tsx').then((module) => module.CalendarPage),
);
const FiguresIndexPage = lazyPage(() =>
  import('../indicators/indicators.index.page.tsx').then((module) => module.FiguresIndexPage),
);
const FiguresEntryPage = lazyPage(() =>
  import('../indicators/indicators.entry.page.tsx').then((module) => module.FiguresEntryPage),
);
const FiguresProgressPage = lazyPage(() =>
  import('../indicators/indicators.progress.page.tsx').then((module) => module.FiguresProgressPage),
);
const FiguresCataloguePage = lazyPage(() =>
  import('../indicators/indicators.catalogue.page.tsx').then((module) => module.FiguresCataloguePage),
);
const ReportingInboxPage = lazyPage(() =>
  import('../reporting/reporting.inbox.page.tsx').then((module) => module.ReportingInboxPage),
);
const RoundCreatePage = lazyPage(() =>
  import('../reporting/reporting.round-create.page.tsx').then((module) => module.RoundCreatePage),
);
const RoundPage = lazyPage(() =>
  import('../reporting/reporting.round.page.tsx').then((module) => module.RoundPage),
);
const SubmissionPage = lazyPage(() =>
  import('../reporting/reporting.submission.page.tsx').then((module) => module.SubmissionPage),
);
const ReportTemplatesPage = lazyPage(() =>
  import('../reporting/reporting.templates.page.tsx').then((module) => module.ReportTemplatesPage),
);
const ReportTemplateViewPage = lazyPage(() =>
  import('../reporting/reporting.template-editor.page.tsx').then((module) => module.ReportTemplateViewPage),
);
const ReportTemplateEditorPage = lazyPage(() =>
  import('../reporting/reporting.template-editor.page.tsx').then((module) => module.ReportTemplateEditorPage),
);
const ReportingHeatmapPage = lazyPage(() =>
  import('../reporting/reporting.heatmap.page.tsx').then((module) => module.ReportingHeatmapPage),
);
const CommunityModelListPage = lazyPage(() =>
  import('../community-models/community-models.list.page.tsx').then(
    (module) => module.CommunityModelListPage,
  ),
);
const CommunityModelCreatePage = lazyPage(() =>
  import('../community-models/community-models.form.page.tsx').then(
    (module) => module.CommunityModelCreatePage,
  ),
);
const CommunityModelEditPage = lazyPage(() =>
  import('../community-models/community-models.form.page.tsx').then(
    (module) => module.CommunityModelEditPage,
  ),
);
const CommunityModelDetailPage = lazyPage(() =>
  import('../community-models/community-models.detail.page.tsx').then(
    (module) => module.CommunityModelDetailPage,
  ),
);
const ActivityListPage = lazyPage(() =>
  import('../activities/activities.list.page.tsx').then((module) => module.ActivityListPage),
);
const ActivityEntryPage = lazyPage(() =>
  import('../activities/activities.entry.page.tsx').then((module) => module.ActivityEntryPage),
);
const ActivityImportPage = lazyPage(() =>
  import('../activities/activities.import.page.tsx').then((module) => module.ActivityImportPage),
);
const CampaignsPage = lazyPage(() =>
  import('../activities/activities.campaigns.page.tsx').then((module) => module.CampaignsPage),
);
const NotificationsPage = lazyPage(() =>
  import('../notifications/notifications.page.tsx').then((module) => module.NotificationsPage),
);
const OutboxPage = lazyPage(() =>
  import('../notifications/notifications.outbox.page.tsx').then((module) => module.OutboxPage),
);

// Login and home are in the first download: every visit starts on one of them.
const Login = withLanguage(LoginPage);
const Home = withLanguage(HomePage);
const NotFound = withLanguage(NotFoundPage);

export function AppRouter({
  onLoadStart,
  onLoadEnd,
  onRouteChange,
}: {
  onLoadStart: () => void;
  onLoadEnd: () => void;
  onRouteChange: () => void;
}) {
  return (
    <Router onLoadStart={onLoadStart} onLoadEnd={onLoadEnd} onRouteChange={onRouteChange}>
      <Route path={paths.login} component={Login} />
      <Route path={paths.home} component={Home} />
      <Route path={paths.orgUnits} component={OrgUnitTreePage} />
      <Route path="/don-vi/:id" component={OrgUnitDetailPage} />
      <Route path={paths.users} component={UserListPage} />
      <Route path="/nguoi-dung/:id" component={UserDetailPage} />
      <Route path={paths.audit} component={AuditPage} />
      <Route path={paths.account} component={AccountPage} />
      <Route path={paths.plans} component={PlanListPage} />
      {/* Before `/ke-hoach/:id`: the first matching route wins. */}
      <Route path={paths.newPlan} component={PlanCreatePage} />
      <Route path="/ke-hoach/:id" component={PlanDetailPage} />
      <Route path="/ke-hoach/:id/sua" component={PlanEditorPage} />
      <Route path="/ke-hoach/:id/phan-cong" component={PlanAssignmentsPage} />
      <Route path="/ke-hoach/:id/theo-doi" component={PlanTracePage} />
      <Route path={paths.tasks} component={TaskListPage} />
      <Route path={paths.taskCalendar} component={TaskCalendarPage} />
      <Route path="/nhiem-vu/:taskId/:unitId" component={TaskProgressPage} />
      <Route path={paths.planImport} component={PlanImportUploadPage} />
      <Route path="/nhap-ke-hoach/:id" component={PlanImportReviewPage} />
      <Route path={paths.calendar} component={CalendarPage} />
      <Route path={paths.figures} component={FiguresIndexPage} />
      <Route path={paths.figuresEntry} component={FiguresEntryPage} />
      <Route path={paths.figuresProgress} component={FiguresProgressPage} />
      <Route path={paths.figuresCatalogue} component={FiguresCataloguePage} />
      <Route path={paths.reporting} component={ReportingInboxPage} />
      <Route path={paths.newRound} component={RoundCreatePage} />
      <Route path="/bao-cao/dot/:id" component={RoundPage} />
      <Route path="/bao-cao/nop/:id" component={SubmissionPage} />
      <Route path={paths.reportTemplates} component={ReportTemplatesPage} />
      {/* Before `/bao-cao/mau/:id`: the first matching route wins. */}
      <Route path={paths.newReportTemplate} component={ReportTemplateEditorPage} />
      <Route path="/bao-cao/mau/:id" component={ReportTemplateViewPage} />
      <Route path="/bao-cao/mau/:id/sua" component={ReportTemplateEditorPage} />
      <Route path={paths.reportingHeatmap} component={ReportingHeatmapPage} />
      <Route path={paths.communityModels} component={CommunityModelListPage} />
      <Route path="/mo-hinh-cau-lac-bo/moi" component={CommunityModelCreatePage} />
      <Route path="/mo-hinh-cau-lac-bo/:id" component={CommunityModelDetailPage} />
      <Route path="/mo-hinh-cau-lac-bo/:id/sua" component={CommunityModelEditPage} />
      <Route path={paths.activities} component={ActivityListPage} />
      {/* Before `/hoat-dong/:id`: the first matching route wins. */}
      <Route path={paths.newActivity} component={ActivityEntryPage} />
      <Route path={paths.activityImport} component={ActivityImportPage} />
      <Route path="/hoat-dong/:id" component={ActivityEntryPage} />
      <Route path={paths.campaigns} component={CampaignsPage} />
      <Route path={paths.notifications} component={NotificationsPage} />
      <Route path={paths.outbox} component={OutboxPage} />
      <Route default component={NotFound} />
    </Router>
  );
}
