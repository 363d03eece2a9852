package org.threshold.provisioning;

import java.net.URI;
import java.util.Locale;

/**
 * {@code deployment.json} in the hub's data folder: the deployment's name and the URL kiosks reach the hub
 * at, so {@code kiosk add} need not be told again. Validated when made: a bad URL fails at {@code init}.
 */
record DeploymentSettings(String name, String hubUrl) {
    static final String FILE = "deployment.json";

    DeploymentSettings {
        if (name == null || name.isBlank() || name.length() > 64) {
            throw new ProvisioningException("Give the deployment a name of 1 to 64 characters with --name, "
                    + "e.g. --name \"Threshold Bulgaria\".");
        }
        if (hubUrl == null || !hubUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new ProvisioningException("--hub-url must be the https:// address kiosks reach the hub at, "
                    + "e.g. https://hub.example.org:8443 (kiosks pin the hub's certificate, so it must be HTTPS).");
        }
        if (hubUrl.endsWith("/")) {
            hubUrl = hubUrl.substring(0, hubUrl.length() - 1);
        }
        try {
            if (URI.create(hubUrl).getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException("--hub-url " + hubUrl + " is not a URL with a host name; use e.g. "
                    + "https://hub.example.org:8443.");
        }
    }

    String hubHost() {
        return URI.create(hubUrl).getHost();
    }
}
