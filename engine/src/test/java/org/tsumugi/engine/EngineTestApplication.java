package org.tsumugi.engine;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The engine alone, as a Spring Boot application for tests; workers are imported per test. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EngineTestApplication {}
