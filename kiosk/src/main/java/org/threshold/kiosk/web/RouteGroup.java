package org.threshold.kiosk.web;

import io.javalin.config.RoutesConfig;

/** A set of related endpoints the web server mounts. */
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
