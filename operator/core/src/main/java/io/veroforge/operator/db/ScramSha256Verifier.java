package io.veroforge.operator.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PasswordUtil;

/**
 * SCRAM-SHA-256 password verifiers (RFC 5802/7677, in PostgreSQL's {@code rolpassword} format),
 * computed on the operator's side.
 *
 * <p>Why: {@code CREATE ROLE ... PASSWORD} cannot take a bind parameter. Sending the verifier
 * instead of the password means the cleartext never reaches the server, its statement log or
 * {@code pg_stat_activity}, and PostgreSQL stores a verifier it is given as is. pgjdbc's public
 * {@link PasswordUtil} does the computation (including SASLprep of the password, which a
 * hand-written PBKDF2 would have to reimplement). The verifier is checked against its strict format
 * (digits, base64, {@code $ :}) before it is put between single quotes, so it cannot break out of
 * the literal.
 */
final class ScramSha256Verifier {

    private static final Pattern FORMAT = Pattern.compile(
            "SCRAM-SHA-256\\$([0-9]{1,9}):([A-Za-z0-9+/]+={0,2})\\$([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})");

    private ScramSha256Verifier() {
    }

    /** A fresh verifier (random salt, PostgreSQL's default 4096 iterations) as an SQL string literal. */
    static String newSqlLiteral(String password) {
        char[] chars = password.toCharArray();
        try {
            return sqlLiteral(PasswordUtil.encodeScramSha256(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** True when {@code storedVerifier} (from {@code pg_authid}) was made from {@code password}. */
    static boolean matches(String storedVerifier, String password) {
        if (storedVerifier == null) {
            return false;
        }
        Matcher parts = FORMAT.matcher(storedVerifier);
        if (!parts.matches()) {
            return false; // an md5 hash or no password: replace it with a SCRAM verifier
        }
        int iterations = Integer.parseInt(parts.group(1));
        byte[] salt = Base64.getDecoder().decode(parts.group(2));
        char[] chars = password.toCharArray();
        try {
            String expected = PasswordUtil.encodeScramSha256(chars, iterations, salt);
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    storedVerifier.getBytes(StandardCharsets.US_ASCII));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static String sqlLiteral(String verifier) {
        if (!FORMAT.matcher(verifier).matches()) {
            // never include the verifier itself in the message
            throw new IllegalStateException("pgjdbc produced a SCRAM verifier in an unexpected format");
        }
        return "'" + verifier + "'";
    }
}
