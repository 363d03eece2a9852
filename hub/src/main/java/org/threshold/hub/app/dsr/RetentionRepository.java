package org.threshold.hub.app.dsr;

/** The retention job's turn, so that one hub instance at a time runs it on a shared store. */
public interface RetentionRepository {

    /**
     * Takes the retention job's turn for the rest of the transaction; false if another instance holds it now. On
     * SQLite, whoever writes has it.
     */
    boolean tryTakeTurn();
}
