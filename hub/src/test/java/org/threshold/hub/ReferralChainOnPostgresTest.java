package org.threshold.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.threshold.hub.testing.TestPostgres;

/**
 * Two hub instances on one PostgreSQL change referrals at once: the hub chain's head is locked in the database, so
 * their events form one chain that verifies end to end, and two instances racing to move one referral never both
 * succeed.
 */
class ReferralChainOnPostgresTest extends ReferralScenario {
    private static final int NOTES = 8;

    @Override
    DatabaseSettings database() {
        return TestPostgres.newMigratedDatabase();
    }

    @Test
    void changesThroughTwoInstancesMakeOneVerifiableChainAndARaceHasOneWinner() throws Exception {
        HubFixture second = HubFixture.restartOn(hub, hub.database);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            HubClient other = second.client();
            String healthSession = session("cw-health");
            String gbvSession = session("cw-gbv");
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < NOTES; i++) {
                String note = "{\"text\":\"Note " + i + "\"}";
                answers.add(callers.submit(() -> client.post("/api/referrals/" + health.id() + "/notes",
                        note.getBytes(), "Content-Type", "application/json", "Authorization",
                        "Bearer " + healthSession).status()));
                answers.add(callers.submit(() -> other.post("/api/referrals/" + gbv.id() + "/notes",
                        note.getBytes(), "Content-Type", "application/json", "Authorization",
                        "Bearer " + gbvSession).status()));
            }
            String receive = "{\"status\":\"RECEIVED\"}";
            Future<Integer> first = callers.submit(() -> client.post("/api/referrals/" + health.id()
                    + "/transitions", receive.getBytes(), "Content-Type", "application/json", "Authorization",
                    "Bearer " + healthSession).status());
            Future<Integer> racing = callers.submit(() -> other.post("/api/referrals/" + health.id()
                    + "/transitions", receive.getBytes(), "Content-Type", "application/json", "Authorization",
                    "Bearer " + healthSession).status());
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(200);
            }
            assertThat(List.of(first.get(120, TimeUnit.SECONDS), racing.get(120, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            callers.shutdownNow();
            second.close();
        }

        assertThat(hubChain()).hasSize(2 * NOTES + 1);
        assertThat(get("/api/referrals/" + health.id(), "cw-health").json().get("history")).hasSize(NOTES + 2);
        assertThat(get("/api/referrals/" + gbv.id(), "cw-gbv").json().get("history")).hasSize(NOTES + 1);
    }
}
