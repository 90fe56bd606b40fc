package dev.serialtrace.desktop;

import atlantafx.base.theme.PrimerLight;
import dev.serialtrace.db.connect.ConnectionSettings;
import dev.serialtrace.db.connect.ConnectionProfile;
import dev.serialtrace.db.connect.ConnectionProfiles;
import dev.serialtrace.db.connect.DataHome;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.status.ServerVersions;
import dev.serialtrace.db.unit.SearchHit;
import dev.serialtrace.desktop.audit.AuditController;
import dev.serialtrace.desktop.audit.AuditViewModel;
import dev.serialtrace.desktop.audit.ScanSounds;
import dev.serialtrace.desktop.about.AboutDialog;
import dev.serialtrace.desktop.about.AboutViewModel;
import dev.serialtrace.desktop.about.AppInfo;
import dev.serialtrace.desktop.common.Permissions;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.FxTaskExecutor;
import dev.serialtrace.desktop.connection.ConnectionHealth;
import dev.serialtrace.desktop.connection.ConnectionHealthMonitor;
import dev.serialtrace.desktop.connection.ConnectionSummaryController;
import dev.serialtrace.desktop.connection.ConnectionSummaryViewModel;
import dev.serialtrace.desktop.connection.PasswordVault;
import dev.serialtrace.desktop.connection.Session;
import dev.serialtrace.desktop.connection.SignInDialog;
import dev.serialtrace.desktop.integrity.IntegrityController;
import dev.serialtrace.desktop.integrity.IntegrityViewModel;
import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.integrity.Anchor;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.desktop.connection.SignInViewModel;
import dev.serialtrace.desktop.connection.WarehouseConnector;
import dev.serialtrace.desktop.exchange.ExchangeController;
import dev.serialtrace.desktop.exchange.ExchangeServices;
import dev.serialtrace.desktop.exchange.ExchangeViewModel;
import dev.serialtrace.desktop.common.FxDialogService;
import dev.serialtrace.desktop.dashboard.DashboardController;
import dev.serialtrace.desktop.dashboard.DashboardSource;
import dev.serialtrace.desktop.dashboard.DashboardViewModel;
import dev.serialtrace.desktop.exceptions.ExceptionsController;
import dev.serialtrace.desktop.exceptions.ExceptionsViewModel;
import dev.serialtrace.desktop.scan.GlobalScanFilter;
import dev.serialtrace.desktop.scan.KeystrokeBurst;
import dev.serialtrace.desktop.search.SearchController;
import dev.serialtrace.desktop.search.SearchViewModel;
import dev.serialtrace.desktop.shell.MainWindowController;
import dev.serialtrace.desktop.shell.Section;
import dev.serialtrace.desktop.shell.ShellViewModel;
import dev.serialtrace.desktop.common.FxThreadGuardedDataSource;
import dev.serialtrace.desktop.reports.DatabaseReportEngine;
import dev.serialtrace.desktop.reports.ReportsController;
import dev.serialtrace.desktop.reports.ReportsViewModel;
import dev.serialtrace.desktop.unit.CustomerQueryDialog;
import dev.serialtrace.desktop.unit.CustomerQueryViewModel;
import dev.serialtrace.desktop.unit.UnitDossierController;
import dev.serialtrace.desktop.unit.UnitDossierViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The composition root: every service, view model and controller of the desktop client is
 * wired here, by hand. The app and the UI tests build the window the same way.
 */
public final class DesktopWiring implements AutoCloseable {
    /**
     * Keys closer together than this belong to one scanner burst: 35 ms unless the system property
     * {@code serialtrace.scanner.max-key-gap-ms} says otherwise (slow wedge scanners, remote desktops).
     */
    static Duration scannerMaxKeyGap() {
        return Duration.ofMillis(Long.getLong("serialtrace.scanner.max-key-gap-ms", 35));   // read per window (tests set it)
    }
    /** While the database is unreachable, waiting audit scans are retried this often. */
    static final long AUDIT_RETRY_MILLIS = 2000;

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final ConnectionHealthMonitor health = new ConnectionHealthMonitor();
    private volatile Session session;
    private volatile boolean closed;
    private final Scene scene;
    private final ConnectionSummaryViewModel summary;
    private final ShellViewModel shell;
    private final SearchViewModel search;
    private final SearchController searchController;
    private final UnitDossierViewModel dossier;
    private final ReportsViewModel reports;
    private volatile Session reportSession;
    private volatile ReportsViewModel.Engine reportEngine;
    private final IntegrityViewModel integrity;
    private final DashboardViewModel dashboard;
    private final ScanSounds sounds = new ScanSounds();
    private final AuditViewModel audits;
    private ExchangeViewModel exchange;
    private final AuditController auditController;
    private final ExceptionsViewModel exceptions;
    private final ExceptionsController exceptionsController;
    private final ConnectionSettings configured;
    private final ConnectionProfiles profiles;
    private final PasswordVault vault;
    private boolean monitoring;
    private boolean reportsWarmedUp;
    private SignInViewModel.Request pending;

    /**
     * @param configured settings from the environment or config file, which win over profiles;
     *                   null to start on the last-used connection profile
     */
    public DesktopWiring(ConnectionSettings configured, DataHome home, PasswordVault vault, Clock clock, ZoneId zone) {
        this.configured = configured;
        this.profiles = new ConnectionProfiles(home);
        this.vault = vault;
        shell = new ShellViewModel();
        dossier = new UnitDossierViewModel(id -> session.dossiers().fetch(id), tasks, clock);
        search = new SearchViewModel(new SearchViewModel.Finder() {
            @Override
            public LookupResult lookup(String raw) {
                return session.lookup().lookup(raw);
            }

            @Override
            public List<SearchHit> search(String text, int limit) {
                return session.search().search(text, limit);
            }
        }, tasks, dossier::open);
        integrity = new IntegrityViewModel(new IntegrityViewModel.Checks() {
            @Override
            public VerificationReport verifyUnit(String input) {
                LookupResult found = session.lookup().lookup(input);
                if (found instanceof LookupResult.Found f && f.units().size() == 1) {
                    return session.verifier().verifyUnit(f.units().get(0).unitId());
                }
                throw new IllegalArgumentException("no single unit matches \"" + input + "\"; use its internal id");
            }

            @Override
            public VerificationReport verifyAll(BackgroundTask.Progress progress) {
                return session.verifier().verifyAll((done, total) ->
                        progress.update(String.format("Verifying %,d / %,d units", done, total), total == 0 ? -1 : (double) done / total));
            }

            @Override
            public Anchor anchor() {
                return session.verifier().anchor();
            }

            @Override
            public dev.serialtrace.db.archive.ArchiveState archiveState() {
                return new dev.serialtrace.db.archive.DataLifecycle(session.dsl()).state();
            }
        }, tasks);
        dashboard = new DashboardViewModel(tasks, clock, zone, unitId -> {
            shell.sectionProperty().set(Section.SEARCH);
            dossier.open(unitId);
        });
        summary = new ConnectionSummaryViewModel(new WarehouseConnector(home, clock), tasks, connection -> {
            if (closed) {
                connection.database().close();   // the window closed while we were connecting
                return;
            }
            session = new Session(connection.database(), clock);
            rememberSuccessfulSignIn();
            shell.connected(connection.database());
            connection.signedIn().ifPresentOrElse(p -> {
                shell.signedInAs(p.printedName() + " (" + p.roles().stream().map(GroupRole::shortName)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }, () -> { });
            applyPermissions(Permissions.of(connection.signedIn()));
            search.readyProperty().set(true);
            dashboard.connected(new DashboardSource(session));
            if (!reportsWarmedUp && Boolean.parseBoolean(System.getProperty("serialtrace.reports.warmUp", "true"))) {
                reportsWarmedUp = true;
                warmUpReports(reportEngine(clock));
            }
            if (!monitoring) {
                monitoring = true;
                health.start(() -> session != null && session.isAlive(), 3000, h -> {
                    boolean recovered = h == ConnectionHealth.CONNECTED && shell.healthProperty().get() == ConnectionHealth.LOST;
                    shell.healthChanged(h);
                    if (recovered) {
                        dossier.reload();   // refresh what is on screen, never clear it
                    }
                    if (h == ConnectionHealth.CONNECTED) {
                        auditScansMaySend();
                    }
                });
            }
        }, zone);
        summary.errorProperty().addListener((o, a, error) -> {
            if (!error.isEmpty()) {
                shell.connectionFailed();
            }
        });

        Parent integrityView = load("integrity/Integrity.fxml", Map.of(
                IntegrityController.class, new IntegrityController(integrity))::get);
        Parent summaryView = load("connection/ConnectionSummary.fxml", Map.of(
                ConnectionSummaryController.class, new ConnectionSummaryController(summary))::get);
        reports = new ReportsViewModel(dev.serialtrace.reports.definitions.ReportCatalogue.standard(),
                () -> reportEngine(clock), tasks, () -> shell.userProperty().get().isEmpty()
                        ? System.getProperty("user.name") : shell.userProperty().get(), zone);
        Parent reportsView = load("reports/Reports.fxml", Map.of(ReportsController.class,
                new ReportsController(reports, () -> reportEngine(clock), tasks))::get);
        UnitDossierController dossierController = new UnitDossierController(dossier, zone);
        dossierController.setOnReportThis(internalId -> openReport("chain-of-custody", Map.of("units", internalId)));
        Parent dossierView = load("unit/UnitDossier.fxml", Map.of(UnitDossierController.class, dossierController)::get);
        searchController = new SearchController(search, zone, dossierView, summaryView,
                dossier.dossierProperty().isNotNull());
        Parent searchView = load("search/Search.fxml", Map.of(SearchController.class, searchController)::get);
        shell.sectionProperty().addListener((o, was, now) -> {
            if (now == Section.DASHBOARD) {
                dashboard.activate();
            }
        });
        audits = new AuditViewModel(() -> session.audits(), tasks, Platform::runLater, home.root().resolve("audits"), clock,
                AUDIT_RETRY_MILLIS, sounds);
        auditController = new AuditController(audits, zone, scannerMaxKeyGap());
        auditController.setOnReportThis(code -> openReport("spot-audit", Map.of("audit", code)));
        Parent auditView = load("audit/Audits.fxml", Map.of(AuditController.class, auditController)::get);
        shell.userProperty().addListener((o, a, u) -> auditController.proposeSigner(u));
        exceptions = new ExceptionsViewModel(() -> new ExceptionsViewModel.Services(session.exceptions(), session.lookup()),
                tasks, clock);
        exceptionsController = new ExceptionsController(exceptions, zone);
        Parent exceptionsView = load("exceptions/Exceptions.fxml", Map.of(ExceptionsController.class, exceptionsController)::get);
        shell.sectionProperty().addListener((o, a, section) -> {
            if (session == null) {
                return;
            }
            if (section == Section.AUDITS) {
                audits.refreshOpenAudits();
            } else if (section == Section.EXCEPTIONS) {
                exceptionsController.shown();
            } else if (section == Section.INTEGRITY) {
                integrity.refreshLifecycle();
            }
        });
        shell.setOnSwitchConnection(() -> signIn(profiles.lastUsed()));
        AboutViewModel about = new AboutViewModel(AppInfo.of(DesktopWiring.class, home),
                () -> Optional.ofNullable(session).map(s -> ServerVersions.of(s.database())), tasks);
        shell.setOnAbout(() -> showAbout(about));
        // issue 9: EPCIS import/export and reconciliation
        exchange = new ExchangeViewModel(new ExchangeServices(() -> session), tasks, internalId -> {
            shell.sectionProperty().set(Section.SEARCH);
            searchController.searchFor(internalId);
        });
        ExchangeController exchangeController = new ExchangeController(exchange,
                () -> dossier.dossierProperty().get() == null ? 0 : dossier.dossierProperty().get().identity().unitId());
        Parent exchangeView = load("exchange/Exchange.fxml", Map.of(ExchangeController.class, exchangeController)::get);
        // issue 6: a customer's serial query answered from the dossier (customer-query resolution KPI)
        CustomerQueryViewModel customerQuery = new CustomerQueryViewModel(() -> session.customerQueries(), tasks, clock, zone);
        java.util.concurrent.atomic.AtomicReference<java.time.OffsetDateTime> dossierOpenedAt =
                new java.util.concurrent.atomic.AtomicReference<>(java.time.OffsetDateTime.now(clock));
        dossier.dossierProperty().addListener((o, a, d) -> dossierOpenedAt.set(java.time.OffsetDateTime.now(clock)));
        dossierController.setOnCustomerQuery(unit -> {
            customerQuery.start(unit, dossierOpenedAt.get());
            CustomerQueryDialog.show(window(), customerQuery);
        });
        dossierController.setOnExportEpcis(() -> {
            shell.sectionProperty().set(Section.EXCHANGE);
            exchangeController.chooseExport();
        });
        DashboardController dashboardController = new DashboardController(dashboard, new FxDialogService(this::window), zone);
        dashboardController.setOnReportThis(ids -> openReport("chain-of-custody", Map.of("units", String.join("\n", ids))));
        Parent dashboardView = load("dashboard/Dashboard.fxml", Map.of(DashboardController.class, dashboardController)::get);
        Parent root = load("shell/MainWindow.fxml", Map.of(MainWindowController.class,
                new MainWindowController(shell, tasks, Map.of(Section.SEARCH, searchView, Section.REPORTS, reportsView,
                        Section.INTEGRITY, integrityView, Section.EXCHANGE, exchangeView,
                        Section.DASHBOARD, dashboardView, Section.AUDITS, auditView,
                        Section.EXCEPTIONS, exceptionsView)))::get);

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene = new Scene(root, 1440, 900);
        scene.getStylesheets().add(DesktopWiring.class.getResource("common/serialtrace.css").toExternalForm());
        new GlobalScanFilter(new KeystrokeBurst(scannerMaxKeyGap()), capture -> {
            if (shell.sectionProperty().get() == Section.AUDITS && auditController.takesScans()) {
                auditController.scanned(capture);   // on the scanning screen a scan is an audit scan
                return;
            }
            shell.sectionProperty().set(Section.SEARCH);
            searchController.searchFor(capture.text());
        }).install(scene);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            shell.sectionProperty().set(Section.SEARCH);
            searchController.focusSearch();
        });
        search.readyProperty().addListener((o, a, ready) -> searchController.focusSearch());
    }

    private javafx.stage.Window window() {
        return scene == null ? null : scene.getWindow();
    }

    /** The database answers again: audit scans waiting in the journal go now. */
    private void auditScansMaySend() {
        audits.connectionRestored();
    }

    public Scene scene() {
        return scene;
    }

    public ShellViewModel shell() {
        return shell;
    }

    /** True once the database is open and the search field takes input. */
    public javafx.beans.value.ObservableBooleanValue searchReady() {
        return search.readyProperty();
    }

    /** As if the identifier had been scanned (benchmarks and tests drive the window through this). */
    public void searchFor(String capture) {
        searchController.searchFor(capture);
    }

    public DashboardViewModel dashboard() {
        return dashboard;
    }

    public UnitDossierViewModel dossier() {
        return dossier;
    }

    public ReportsViewModel reports() {
        return reports;
    }

    /**
     * Opens the reports screen with a report chosen and its parameters filled: the hook for
     * "Report this" in the dossier, and for audits and dashboard drill-downs.
     */
    public void openReport(String reportName, Map<String, String> parameters) {
        reports.prepare(reportName, parameters);
        shell.sectionProperty().set(Section.REPORTS);
    }

    /**
     * Prepares the report engine on a background thread while the person looks at the first screen, reading
     * no data: on a fresh JVM the first report otherwise waits seconds for classes, fonts and compilation
     * (docs/benchmarks.md, issue 7). A failure here only costs that time back, so it is logged, not shown.
     * {@code -Dserialtrace.reports.warmUp=false} turns it off (the UI tests do: it would compete with their timed input).
     */
    private static void warmUpReports(ReportsViewModel.Engine engine) {
        Thread warmUp = new Thread(() -> {
            try {
                engine.service().warmUp(filled -> engine.page(filled, 0, 1.25f));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DesktopWiring.class).warn("report warm-up failed", e);
            }
        }, "report-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    /** The report engine on the open session (made once per session); null while none is open. */
    private ReportsViewModel.Engine reportEngine(Clock clock) {
        Session s = session;
        if (s == null) {
            return null;
        }
        if (reportSession != s) {
            reportEngine = new DatabaseReportEngine(org.jooq.impl.DSL.using(
                    new FxThreadGuardedDataSource(s.database().dataSource()), org.jooq.SQLDialect.POSTGRES), clock, s.timings(),
                    new FxThreadGuardedDataSource(s.database().dataSource()), s.database().settings().user());
            reportSession = s;
        }
        return reportEngine;
    }

    public AuditViewModel audits() {
        return audits;
    }

    public ExceptionsViewModel exceptions() {
        return exceptions;
    }

    public ExchangeViewModel exchange() {
        return exchange;
    }

    /**
     * Where the app starts without asking anything: the configured database, or the last-used
     * profile when it is the embedded demo. Null when the person must sign in first.
     */
    public static ConnectionSettings startingPoint(ConnectionSettings configured, DataHome home) {
        if (configured != null) {
            return configured;
        }
        return new ConnectionProfiles(home).lastUsed().isEmbedded() ? ConnectionSettings.EMBEDDED : null;
    }

    /** Opens the configured database, or the last-used profile (asking for its password if needed). */
    public void connect() {
        connect(null);
    }

    /** As {@link #connect()}, taking over an opening of the {@link #startingPoint} started early. */
    public void connect(CompletableFuture<Database> early) {
        if (configured != null) {
            open(configured, null, early);
            return;
        }
        ConnectionProfile last = profiles.lastUsed();
        if (last.isEmbedded()) {
            open(last.settings(null), new SignInViewModel.Request(last, null, false), early);
        } else {
            vault.password(last).ifPresentOrElse(
                    pw -> open(last.settings(pw), new SignInViewModel.Request(last, pw, true)),
                    () -> signIn(last));
        }
    }

    /** The sign-in dialog: choose or enter a connection, give the password. */
    public void signIn(ConnectionProfile current) {
        SignInDialog.show(scene.getWindow(), new SignInViewModel(profiles.all(), current, vault))
                .ifPresent(request -> open(request.profile().settings(request.password()), request));
    }

    private void open(ConnectionSettings settings, SignInViewModel.Request request) {
        open(settings, request, null);
    }

    private void open(ConnectionSettings settings, SignInViewModel.Request request, CompletableFuture<Database> early) {
        pending = request;
        Session old = session;
        session = null;
        search.readyProperty().set(false);
        shell.healthChanged(ConnectionHealth.CONNECTING);
        if (old != null) {
            tasks.execute(BackgroundTask.of(p -> {
                old.close();
                return null;
            }));
        }
        summary.connect(settings, early, () -> {
            if (request == null || request.profile().isEmbedded() && request.profile().user() == null) {
                open(settings, request);
            } else {
                signIn(request.profile());
            }
        });
    }

    /** Role-aware screens (issue 8): what the person may not do is disabled; the database still refuses it. */
    private void applyPermissions(Permissions p) {
        integrity.mayAnchorProperty().set(p.mayAnchor());
        audits.mayRunAuditsProperty().set(p.mayRunAudits());
        audits.maySignProperty().set(p.maySign());
        exceptions.mayResolveProperty().set(p.mayResolveExceptions());
        exchange.mayImportProperty().set(p.mayImport());
        reports.maySignProperty().set(p.maySign());
    }

    private void showAbout(AboutViewModel about) {
        AboutDialog.show(scene.getWindow(), about);
    }

    private void rememberSuccessfulSignIn() {
        SignInViewModel.Request r = pending;
        if (r == null) {
            return;
        }
        profiles.saveAndUse(r.profile());
        if (r.remember() && r.password() != null) {
            vault.keep(r.profile(), r.password());
        }
    }

    private static Parent load(String fxml, Function<Class<?>, Object> controllerFactory) {
        FXMLLoader loader = new FXMLLoader(DesktopWiring.class.getResource(fxml));
        loader.setControllerFactory(controllerFactory::apply);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        audits.close();   // the journal keeps whatever was not sent
        sounds.close();
        health.close();
        tasks.close();
        if (session != null) {
            session.close();   // also stops the embedded server if this process started it
        }
    }
}
