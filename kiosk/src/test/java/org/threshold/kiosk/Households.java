package org.threshold.kiosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** Household JSON as the kiosk page sends it. */
public final class Households {
    public static final String GIVEN_NAME = "نورهان";
    public static final String FAMILY_NAME = "الزعبي";
    public static final String GIVEN_NAME_LATIN = "Nourhan";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Households() {
    }

    /**
     * A mother with a son; a fresh tree each call, so a test may change it. Marked {@code duplicateReviewed}, as the
     * page sends it after the operator checked the candidates, so tests may register her more than once; the
     * duplicate check's own test removes it. Her need (WR-WR) is routed to no service, so registering her is one
     * event; the referral tests give her needs that are.
     */
    public static ObjectNode nourhan() {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"duplicateReviewed":true,"arrivalDate":"2026-11-24",
                     "origin":{"country":"SYR","place":"Aleppo"},
                     "languages":["ar"],
                     "phone":"+963 555 0100",
                     "consent":{"registration":true,"referral":true},
                     "members":[
                       {"givenName":"%s","familyName":"%s","givenNameLatin":"%s","familyNameLatin":"Al-Zoubi",
                        "sex":"F","birthDate":"1990-03-01","birthDateEstimated":false,"ageEstimate":null,
                        "nationality":"SYR","relationship":"FOCAL_POINT","needs":["WR-WR"]},
                       {"givenName":"عمر","sex":"M","ageEstimate":6,"nationality":"SYR","relationship":"SON",
                        "needs":[]}]}
                    """.formatted(GIVEN_NAME, FAMILY_NAME, GIVEN_NAME_LATIN));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
