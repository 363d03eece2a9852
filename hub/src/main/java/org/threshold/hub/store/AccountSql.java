package org.threshold.hub.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.threshold.hub.app.account.AccountRepository;

interface AccountSql extends AccountRepository {

    /** A users row; the services are in user_services. */
    record Row(String username, String passwordHash, String role, String organisation, Long disabledAt) {
        Account with(Set<String> services) {
            return new Account(username, passwordHash, role, organisation, services, disabledAt != null);
        }
    }

    /** One of an account's services. */
    record ServiceRow(String username, String service) {
    }

    String COLUMNS = "SELECT username, password_hash, role, organisation, disabled_at FROM users ";

    @SqlUpdate("INSERT INTO users (username, password_hash, role, organisation, created_at) "
            + "SELECT :a.username, :a.passwordHash, :a.role, :a.organisation, :now WHERE NOT EXISTS (SELECT 1 FROM users)")
    boolean insertFirst(@BindMethods("a") Account account, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO users (username, password_hash, role, organisation, created_at) "
            + "SELECT :a.username, :a.passwordHash, :a.role, :a.organisation, :now "
            + "WHERE NOT EXISTS (SELECT 1 FROM users WHERE username = :a.username)")
    boolean insert(@BindMethods("a") Account account, @Bind("now") Instant now);

    @SqlQuery(COLUMNS + "WHERE username = :username")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> row(@Bind("username") String username);

    @SqlQuery(COLUMNS + "ORDER BY username")
    @RegisterConstructorMapper(Row.class)
    List<Row> rows();

    @SqlQuery("SELECT service FROM user_services WHERE username = :username ORDER BY service")
    List<String> servicesOf(@Bind("username") String username);

    @SqlQuery("SELECT username, service FROM user_services")
    @RegisterConstructorMapper(ServiceRow.class)
    List<ServiceRow> allServices();

    @SqlUpdate("DELETE FROM user_services WHERE username = :username")
    void clearServices(@Bind("username") String username);

    @SqlBatch("INSERT INTO user_services (username, service) VALUES (:username, :service)")
    void addServices(@Bind("username") String username, @Bind("service") Iterable<String> services);

    @SqlUpdate("UPDATE users SET role = :role, organisation = :organisation WHERE username = :username")
    boolean updateRole(@Bind("username") String username, @Bind("role") String role,
                       @Bind("organisation") String organisation);

    @Override
    @SqlUpdate("UPDATE users SET disabled_at = :at WHERE username = :username")
    boolean setDisabled(@Bind("username") String username, @Bind("at") Instant at);

    @Override
    @SqlUpdate("UPDATE users SET password_hash = :hash WHERE username = :username")
    boolean setPasswordHash(@Bind("username") String username, @Bind("hash") String passwordHash);

    @Override
    default boolean createFirst(Account account, Instant now) {
        return withServices(insertFirst(account, now), account);
    }

    @Override
    default boolean create(Account account, Instant now) {
        return withServices(insert(account, now), account);
    }

    private boolean withServices(boolean created, Account account) {
        if (created) {
            replaceServices(account.username(), account.services());
        }
        return created;
    }

    @Override
    default Optional<Account> find(String username) {
        return row(username).map(row -> row.with(Set.copyOf(servicesOf(username))));
    }

    @Override
    default List<Account> list() {
        Map<String, Set<String>> services = new HashMap<>();
        allServices().forEach(row -> services.computeIfAbsent(row.username(), name -> new HashSet<>()).add(row.service()));
        return rows().stream().map(row -> row.with(services.getOrDefault(row.username(), Set.of()))).toList();
    }

    @Override
    default boolean setRole(String username, String role, String organisation, Set<String> services) {
        boolean exists = updateRole(username, role, organisation);
        if (exists) {
            replaceServices(username, services);
        }
        return exists;
    }

    private void replaceServices(String username, Set<String> services) {
        clearServices(username);
        if (!services.isEmpty()) {
            addServices(username, services.stream().sorted().toList());
        }
    }
}
