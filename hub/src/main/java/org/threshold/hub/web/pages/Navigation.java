package org.threshold.hub.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.threshold.hub.app.account.Role;
import org.threshold.hub.web.pages.Frame.NavLink;

/**
 * The links in each role's navigation bar: only pages the role may open (the route guard still decides; a link here
 * is a convenience, not a permission). A new page adds its link here.
 */
final class Navigation {
    private Navigation() {
    }

    static List<NavLink> forRole(Role role) {
        List<NavLink> links = new ArrayList<>();
        switch (role) {
            case SUPERVISOR, CASEWORKER, PROTECTION_OFFICER -> links.add(new NavLink("/lookup", "nav.lookup"));
            case ADMIN -> links.add(new NavLink("/admin/accounts", "nav.accounts"));
            case DPO -> {
            }
        }
        links.add(new NavLink("/account", "nav.account"));
        return List.copyOf(links);
    }
}
