package org.threshold.kiosk.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.threshold.core.crypto.Bytes;
import org.threshold.core.crypto.SigningKey;
import org.threshold.core.deployment.KioskConfig;
import org.threshold.core.sync.FeedRejectedException;
import org.threshold.core.sync.FeedRequestSignature;
import org.threshold.core.sync.FeedUpdate;
import org.threshold.core.sync.SignedFeed;

/**
 * Pulls the hub's update feed from the kiosk's cursor: each request signed with the kiosk's key and a fresh
 * nonce, each page verified with the hub identity key from enrollment (and checked to be for this kiosk, this
 * cursor and this request's nonce) before anything in it is applied. Updates go to the {@link UpdateListeners}
 * in feed order and into {@link SyncStateFile}; the cursor moves only after a whole page was applied. One pull
 * at a time; thread-safe.
 */
public final class UpdatePuller {
    private static final Logger LOG = LoggerFactory.getLogger(UpdatePuller.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_PAGES_PER_PULL = 50;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final KioskConfig config;
    private final SigningKey kioskKey;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random;
    private final SyncStateFile stateFile;
    private final UpdateListeners listeners;
    private final String updatesUrl;

    public UpdatePuller(KioskConfig config, SigningKey kioskKey, HttpClient http, Clock clock, SecureRandom random,
                        SyncStateFile stateFile, UpdateListeners listeners) {
        this.config = config;
        this.kioskKey = kioskKey;
        this.http = http;
        this.clock = clock;
        this.random = random;
        this.stateFile = stateFile;
        this.listeners = listeners;
        this.updatesUrl = config.hubAddress("/api/sync/updates");
    }

    /** What a pull did: how many updates were applied, and why it stopped short (null if it did not). */
    public record PullReport(int applied, long cursor, String reason, String error) {
    }

    public synchronized PullReport pull() {
        int applied = 0;
        SyncStateFile.State state = stateFile.read();
        for (int pages = 0; pages < MAX_PAGES_PER_PULL; pages++) {
            long since = state.feedCursor();
            SignedFeed.Page page;
            try {
                page = fetch(since);
            } catch (FeedRejectedException e) {
                LOG.warn("Update feed refused: {}", e.getMessage());
                return new PullReport(applied, since, e.reason(), e.getMessage());
            }
            for (SignedFeed.Entry entry : page.updates()) {
                state = apply(state, entry.update());
                applied++;
            }
            if (page.next() <= since) {
                break;
            }
            state = new SyncStateFile.State(page.next(), state.bundleExportedThrough(), state.settings(),
                    state.catalogueVersion(), state.sealingKey(), state.revocation(), state.revokedTokens());
            stateFile.write(state);
            if (page.updates().isEmpty()) {
                break;
            }
        }
        return new PullReport(applied, state.feedCursor(), null, null);
    }

    private SignedFeed.Page fetch(long since) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        byte[] nonceBytes = new byte[18];
        random.nextBytes(nonceBytes);
        String nonce = Bytes.base64(nonceBytes);
        HttpRequest request = HttpRequest.newBuilder(URI.create(updatesUrl + "?kioskId=" + config.kioskId()
                        + "&since=" + since))
                .timeout(REQUEST_TIMEOUT)
                .header(FeedRequestSignature.TIME_HEADER, at.toString())
                .header(FeedRequestSignature.NONCE_HEADER, nonce)
                .header(FeedRequestSignature.SIGNATURE_HEADER,
                        FeedRequestSignature.sign(kioskKey, config.kioskId(), since, at, nonce))
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new FeedRejectedException("UNREACHABLE", "Could not reach the hub's update feed ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedRejectedException("INTERRUPTED", "The pull was interrupted");
        }
        if (response.statusCode() != 200) {
            throw new FeedRejectedException("HTTP_" + response.statusCode(), "The hub's update feed answered HTTP "
                    + response.statusCode());
        }
        SignedFeed signed;
        try {
            signed = JSON.readValue(response.body(), SignedFeed.class);
        } catch (IOException e) {
            throw new FeedRejectedException("MALFORMED_FEED", "The update feed's answer is not a signed page");
        }
        SignedFeed.Page page = signed.open(config.hubIdentity());
        if (!config.kioskId().equals(page.kioskId()) || page.since() != since || !nonce.equals(page.nonce())) {
            throw new FeedRejectedException("MISMATCHED_FEED", "The signed page is not the answer to this request "
                    + "(another kiosk's, another cursor, or a replayed answer); nothing was applied");
        }
        return page;
    }

    private SyncStateFile.State apply(SyncStateFile.State state, FeedUpdate update) {
        if (update instanceof FeedUpdate.Operators operators) {
            listeners.operators().operatorsChanged(operators.operators());
            return state;
        }
        if (update instanceof FeedUpdate.KioskSettings settings) {
            listeners.settings().settingsChanged(settings);
            return new SyncStateFile.State(state.feedCursor(), state.bundleExportedThrough(), settings,
                    state.catalogueVersion(), state.sealingKey(), state.revocation(), state.revokedTokens());
        }
        if (update instanceof FeedUpdate.CatalogueVersion catalogue) {
            listeners.catalogue().catalogueVersionChanged(catalogue.version());
            return new SyncStateFile.State(state.feedCursor(), state.bundleExportedThrough(), state.settings(),
                    catalogue.version(), state.sealingKey(), state.revocation(), state.revokedTokens());
        }
        if (update instanceof FeedUpdate.RevokedTokens tokens) {
            listeners.revokedTokens().tokensRevoked(tokens.tokenIds());
            List<String> all = new ArrayList<>(state.revokedTokens());
            tokens.tokenIds().stream().filter(id -> !all.contains(id)).forEach(all::add);
            return new SyncStateFile.State(state.feedCursor(), state.bundleExportedThrough(), state.settings(),
                    state.catalogueVersion(), state.sealingKey(), state.revocation(), all);
        }
        if (update instanceof FeedUpdate.RevocationOrder order) {
            LOG.warn("The hub revoked this kiosk{}", order.wipe() ? " and ordered it wiped" : "");
            listeners.revocation().revoked(order);
            return new SyncStateFile.State(state.feedCursor(), state.bundleExportedThrough(), state.settings(),
                    state.catalogueVersion(), state.sealingKey(), order, state.revokedTokens());
        }
        FeedUpdate.SealingKey key = (FeedUpdate.SealingKey) update;
        listeners.sealingKey().sealingKeyRotated(key);
        return new SyncStateFile.State(state.feedCursor(), state.bundleExportedThrough(), state.settings(),
                state.catalogueVersion(), key, state.revocation(), state.revokedTokens());
    }
}
