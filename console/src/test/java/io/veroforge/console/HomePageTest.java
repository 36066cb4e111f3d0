package io.veroforge.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void consoleIsReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void homePageIsTheConsoleWithALinkToHealth() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>VeroForge console</h1>"))
                .body(containsString("veroforge.io/v1alpha1"))
                .body(containsString("href=\"/q/health\""));
    }
}
