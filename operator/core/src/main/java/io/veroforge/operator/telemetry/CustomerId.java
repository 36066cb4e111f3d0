package io.veroforge.operator.telemetry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The anonymized customer id of telemetry: sha256 of the tenant namespace's UID. The UID is
 * random and stable for the namespace's life, so events of one customer group together while
 * nothing in them (or a dictionary of tenant names) leads back to who the customer is.
 */
public final class CustomerId {
    private CustomerId() {
    }

    public static String of(String namespaceUid) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("veroforge-customer:" + namespaceUid).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
