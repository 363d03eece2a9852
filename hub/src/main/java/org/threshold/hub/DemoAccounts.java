package org.threshold.hub;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.hub.app.Refusal;
import org.threshold.hub.app.account.Accounts;
import org.threshold.hub.app.account.Role;

/**
 * The demo hub's accounts, one per role and service the demo shows, all with the password {@value #PASSWORD}. Their
 * names are a contract with outside checks: keep them exactly. Created in demo mode only, and only those missing.
 */
final class DemoAccounts {
    static final String PASSWORD = "demo-password";
    static final String ORGANISATION = "Demo";
    static final String PROTECTION_OFFICER = "protection";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    record DemoAccount(String username, Role role, Set<String> services) {
    }

    static final List<DemoAccount> ALL = List.of(
            new DemoAccount("admin", Role.ADMIN, Set.of()),
            new DemoAccount("cw-health", Role.CASEWORKER, Set.of("health")),
            new DemoAccount("cw-child", Role.CASEWORKER, Set.of("child-protection")),
            new DemoAccount("cw-gbv", Role.CASEWORKER, Set.of("gbv")),
            new DemoAccount("cw-legal", Role.CASEWORKER, Set.of("legal")),
            new DemoAccount("supervisor-health", Role.SUPERVISOR, Set.of("health")),
            new DemoAccount(PROTECTION_OFFICER, Role.PROTECTION_OFFICER, Set.of("gbv", "child-protection", "legal")),
            new DemoAccount("dpo", Role.DPO, Set.of()));

    private DemoAccounts() {
    }

    static void addMissing(Accounts accounts) {
        for (DemoAccount demo : ALL) {
            if (accounts.find(demo.username()).isEmpty()) {
                try {
                    accounts.add(demo.username(), PASSWORD.toCharArray(),
                            new Accounts.Grant(demo.role(), ORGANISATION, demo.services()));
                    LOG.info("Created the demo account {} ({})", demo.username(), demo.role());
                } catch (Refusal alreadyThere) {
                    // Another demo hub instance on the same store created it first.
                    if (!"ACCOUNT_EXISTS".equals(alreadyThere.reason())) {
                        throw alreadyThere;
                    }
                }
            }
        }
    }
}
