package org.threshold.hub.web.pages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.web.pages.Frame.NavLink;

/**
 * The links in each role's navigation bar: only pages the role may open (the route guard still decides; a link here
 * is a convenience, not a permission). A new page adds its link here.
 */
final class Navigation {
    // Made once per role: the links are the same for every page of a role.
    private static final Map<Role, List<NavLink>> BY_ROLE = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            BY_ROLE.put(role, links(role));
        }
    }

    private Navigation() {
    }

    static List<NavLink> forRole(Role role) {
        return BY_ROLE.get(role);
    }

    private static List<NavLink> links(Role role) {
        List<NavLink> links = new ArrayList<>();
        switch (role) {
            case SUPERVISOR, CASEWORKER -> {
                links.add(new NavLink("/queue", "nav.queue"));
                links.add(new NavLink("/scan", "nav.scan"));
                links.add(new NavLink("/search", "nav.search"));
            }
            case PROTECTION_OFFICER -> {
                links.add(new NavLink("/scan", "nav.scan"));
                links.add(new NavLink("/search", "nav.search"));
            }
            case ADMIN -> links.add(new NavLink("/admin/accounts", "nav.accounts"));
            case DPO -> {
                links.add(new NavLink("/dpo/requests", "nav.requests"));
                links.add(new NavLink("/dpo/retention", "nav.retention"));
                links.add(new NavLink("/dpo/audit", "nav.audit"));
                links.add(new NavLink("/dpo/glass-breaks", "nav.glassBreaks"));
            }
        }
        if (role == Role.SUPERVISOR || role == Role.PROTECTION_OFFICER) {
            links.add(new NavLink("/duplicates", "nav.duplicates"));
        }
        if (role != Role.CASEWORKER) {
            // The coordinators' aggregates: every role but the caseworkers, who work one referral at a time.
            links.add(new NavLink("/reports", "nav.reports"));
        }
        links.add(new NavLink("/account", "nav.account"));
        return List.copyOf(links);
    }
}
