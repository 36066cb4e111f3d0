package io.veroforge.operator.delivery;

import java.nio.charset.StandardCharsets;

/**
 * How the app's API reaches its data: the tenant role on the tenant's database, with the app's schema
 * first on the search path.
 */
public record DatabaseLogin(String host, int port, String database, String role, String password, String schema) {

    /**
     * {@code postgresql://role:pw@host:port/db?options=-c%20search_path%3D<schema>}, each part
     * percent-encoded so any password survives (Prisma and node-postgres decode it).
     */
    public String url() {
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "postgresql://" + encode(role) + ":" + encode(password) + "@" + hostPart + ":" + port + "/"
                + encode(database) + "?options=" + encode("-c search_path=" + schema);
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseLogin[" + role + "@" + host + ":" + port + "/" + database + ", schema " + schema + "]";
    }
}
