package org.partnernetz.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery, in the header {@code Partnernetz-Signature: t=<unix seconds>,v1=<hex>}:
 * HMAC-SHA256 with the endpoint's secret over the timestamp, a dot and the exact body. A receiver
 * computes the same over what it got, compares in constant time, and refuses a timestamp more than
 * five minutes from its clock (a replayed request).
 */
public final class Signature {

    /** The header that carries the signature. */
    public static final String HEADER = "Partnernetz-Signature";

    private Signature() {
    }

    /** The header's value for a body sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /** HMAC-SHA256 of {@code text} with {@code secret}, in lower-case hex. */
    public static String hmac(String secret, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
