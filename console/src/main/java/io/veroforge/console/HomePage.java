package io.veroforge.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.veroforge.api.v1alpha1.ApiGroup;

/** The console's landing page. Static for now; tenant and app pages come with their issues. */
@Path("/")
public class HomePage {
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>VeroForge console</title>
            </head>
            <body>
              <h1>VeroForge console</h1>
              <p>Manages %s resources: tenants, apps, generations, canaries and plugins.</p>
              <p><a href="/q/health">Health</a></p>
            </body>
            </html>
            """.formatted(ApiGroup.API_VERSION);

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return PAGE;
    }
}
