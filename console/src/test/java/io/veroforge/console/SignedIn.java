package io.veroforge.console;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Signs in through the form, as a browser does, and carries the session cookie. */
public final class SignedIn {
    public static final String ALICE = "alice@acme-pest.example.com";
    public static final String LOPEZ = "dr.lopez@brightsmile.example.com";
    public static final String GINA = "gina@globex.example.com";
    /** In the platform admins' group: decides on improvement proposals, owns no Tenant. */
    public static final String OPS = "ops@veroforge.example.com";
    /** The form sign-in's session cookie, for clients other than RestAssured (the page benchmark's). */
    public static final String SESSION_COOKIE = HomePage.SESSION_COOKIE;

    private SignedIn() {
    }

    public static String cookie(String user, String password) {
        String cookie = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check").then().statusCode(302).extract().cookie(HomePage.SESSION_COOKIE);
        if (cookie == null) {
            throw new AssertionError("sign-in as " + user + " set no session cookie");
        }
        return cookie;
    }

    public static RequestSpecification as(String user) {
        String password = switch (user) {
            case ALICE -> "alice-local";
            case LOPEZ -> "lopez-local";
            case GINA -> "gina-local";
            case OPS -> "ops-local";
            default -> throw new IllegalArgumentException("no local password for " + user);
        };
        return given().redirects().follow(false).cookie(HomePage.SESSION_COOKIE, cookie(user, password));
    }
}
