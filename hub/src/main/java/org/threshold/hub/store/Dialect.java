package org.threshold.hub.store;

/** The databases the hub runs on, with what differs between them: migrations and a few statements. */
enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    /** {@code sqlite} or {@code postgresql}: the migrations' folder and the name the status shows. */
    String id() {
        return id;
    }

    String migrations() {
        return "classpath:db/migration/" + id;
    }
}
