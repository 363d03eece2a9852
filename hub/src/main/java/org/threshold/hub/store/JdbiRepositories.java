package org.threshold.hub.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.threshold.hub.app.Repositories;
import org.threshold.hub.app.access.GlassBreakRepository;
import org.threshold.hub.app.account.AccountRepository;
import org.threshold.hub.app.account.SignInThrottleRepository;
import org.threshold.hub.app.account.LiveSessionRepository;
import org.threshold.hub.app.account.SessionRepository;
import org.threshold.hub.app.audit.AccessLogRepository;
import org.threshold.hub.app.dsr.RetentionRepository;
import org.threshold.hub.app.duplicate.DuplicateRepository;
import org.threshold.hub.app.enrollment.EnrollmentCodeRepository;
import org.threshold.hub.app.enrollment.OperatorRepository;
import org.threshold.hub.app.feed.FeedNonceRepository;
import org.threshold.hub.app.feed.UpdateFeedRepository;
import org.threshold.hub.app.household.HouseholdHistoryRepository;
import org.threshold.hub.app.household.HouseholdRepository;
import org.threshold.hub.app.household.LookupRepository;
import org.threshold.hub.app.household.HouseholdRestrictionRepository;
import org.threshold.hub.app.household.ProjectionRepository;
import org.threshold.hub.app.household.RevokedTokenRepository;
import org.threshold.hub.app.kiosk.KioskRepository;
import org.threshold.hub.app.referral.QueueRepository;
import org.threshold.hub.app.referral.ReferralRepository;
import org.threshold.hub.app.report.ReportRepository;
import org.threshold.hub.app.sync.EventRepository;
import org.threshold.hub.app.sync.SyncLedgerRepository;

/**
 * The repositories on one jdbi handle, that is one transaction; each SQL object is attached the first time it is asked
 * for. The hot-path reads ({@link LookupSql}, {@link LiveSessionSql}, {@link QueueSql}) and the access log
 * ({@link AccessLogSql}) are plain JDBC on the handle's connection.
 */
final class JdbiRepositories implements Repositories {
    private final Handle handle;
    private final Dialect dialect;
    // Attaching builds a proxy with its method table: worth doing once per transaction, not once per call.
    private final Map<Class<?>, Object> attached = new HashMap<>();

    JdbiRepositories(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    @Override
    public EventRepository events() {
        return dialect == Dialect.POSTGRESQL ? attach(EventSql.OnPostgres.class) : attach(EventSql.OnSqlite.class);
    }

    @Override
    public SyncLedgerRepository syncLedger() {
        return attach(SyncLedgerSql.class);
    }

    @Override
    public HouseholdRepository households() {
        return attach(HouseholdSql.class);
    }

    @Override
    public LookupRepository lookups() {
        return new LookupSql(handle.getConnection());
    }

    @Override
    public RevokedTokenRepository revokedTokens() {
        return attach(RevokedTokenSql.class);
    }

    @Override
    public HouseholdHistoryRepository householdHistory() {
        return attach(HouseholdHistorySql.class);
    }

    @Override
    public ProjectionRepository projections() {
        return dialect == Dialect.POSTGRESQL ? attach(ProjectionSql.OnPostgres.class)
                : attach(ProjectionSql.OnSqlite.class);
    }

    @Override
    public HouseholdRestrictionRepository restrictions() {
        return attach(HouseholdRestrictionSql.class);
    }

    @Override
    public RetentionRepository retention() {
        return dialect == Dialect.POSTGRESQL ? attach(RetentionSql.OnPostgres.class)
                : attach(RetentionSql.OnSqlite.class);
    }

    @Override
    public ReferralRepository referrals() {
        return attach(ReferralSql.class);
    }

    @Override
    public QueueRepository queues() {
        return new QueueSql(handle.getConnection());
    }

    @Override
    public AccountRepository accounts() {
        return attach(AccountSql.class);
    }

    @Override
    public SessionRepository sessions() {
        return attach(SessionSql.class);
    }

    @Override
    public LiveSessionRepository liveSessions() {
        return new LiveSessionSql(handle.getConnection());
    }

    @Override
    public SignInThrottleRepository signInThrottles() {
        return attach(SignInThrottleSql.class);
    }

    @Override
    public AccessLogRepository accessLog() {
        return new AccessLogSql(handle.getConnection());
    }

    @Override
    public UpdateFeedRepository updateFeed() {
        return dialect == Dialect.POSTGRESQL ? attach(UpdateFeedSql.OnPostgres.class)
                : attach(UpdateFeedSql.OnSqlite.class);
    }

    @Override
    public FeedNonceRepository feedNonces() {
        return attach(FeedNonceSql.class);
    }

    @Override
    public EnrollmentCodeRepository enrollmentCodes() {
        return attach(EnrollmentCodeSql.class);
    }

    @Override
    public KioskRepository kiosks() {
        return attach(KioskSql.class);
    }

    @Override
    public OperatorRepository operators() {
        return attach(OperatorSql.class);
    }

    private <T> T attach(Class<T> type) {
        return type.cast(attached.computeIfAbsent(type, handle::attach));
    }

    @Override
    public GlassBreakRepository glassBreaks() {
        return attach(GlassBreakSql.class);
    }

    @Override
    public DuplicateRepository duplicates() {
        return attach(DuplicateSql.class);
    }

    @Override
    public ReportRepository reports() {
        return handle.attach(ReportSql.class);
    }
}
