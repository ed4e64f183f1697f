package org.tsumugi.claims.nightly;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The embedded engine with the claims and document robots, as the server runs them. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class NightlyTestApplication {
}
