package io.veroforge.console;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** The console's entry points: the landing page is the user's Tenants; signing out drops the session cookie. */
@Path("/")
public class HomePage {
    /** The cookie form sign-in sets (quarkus.http.auth.form.cookie-name). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/tenants")).build();
    }

    @GET
    @Path("logout")
    public Response logout() {
        return Response.seeOther(URI.create("/login.html"))
                .cookie(new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).build()).build();
    }
}
