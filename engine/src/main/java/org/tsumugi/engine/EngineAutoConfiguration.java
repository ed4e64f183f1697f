package org.tsumugi.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tsumugi.engine.feel.FeelEngine;
import org.tsumugi.engine.model.BpmnTransformer;
import org.tsumugi.engine.model.ProcessModel;
import org.tsumugi.engine.processing.CommandProcessor;
import org.tsumugi.engine.processing.EngineClock;
import org.tsumugi.engine.state.StateStore;

/** Wires the embedded engine and its REST API into a Spring Boot application. */
@AutoConfiguration(after = {FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class})
@ComponentScan("org.tsumugi.engine.api")
public class EngineAutoConfiguration {

  /** Static, so the data source is adjusted before any bean asks it for a connection. */
  @Bean
  static DriverDefaults driverDefaults() {
    return new DriverDefaults();
  }

  @Bean
  EngineClock engineClock() {
    return new EngineClock(Clock.systemUTC());
  }

  @Bean
  FeelEngine feelEngine(EngineClock clock) {
    return new FeelEngine(clock::millis);
  }

  @Bean
  BpmnTransformer bpmnTransformer(FeelEngine feel) {
    return new BpmnTransformer(feel);
  }

  @Bean
  StateStore stateStore(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectMapper json) {
    return new StateStore(jdbc, transactions, json);
  }

  /** Waits for Flyway: the processor loads its state when created. */
  @Bean(destroyMethod = "close")
  @DependsOnDatabaseInitialization
  CommandProcessor commandProcessor(StateStore store, FeelEngine feel, EngineClock clock, BpmnTransformer transformer) {
    return new CommandProcessor(store, feel, clock,
        (bpmnProcessId, resource) -> processOf(transformer, bpmnProcessId, resource));
  }

  /**
   * Long polls and create-with-result requests end by their own request timeouts; the servlet
   * container's shorter default (30 s in Tomcat) must not cut them off first.
   */
  @Bean
  WebMvcConfigurer longRequests() {
    return new WebMvcConfigurer() {
      @Override
      public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(Duration.ofHours(1).toMillis());
      }
    };
  }

  @Bean
  Deployer deployer(CommandProcessor processor, BpmnTransformer transformer) {
    return new Deployer(processor, transformer);
  }

  private static ProcessModel processOf(BpmnTransformer transformer, String bpmnProcessId, byte[] resource) {
    return transformer.transform(bpmnProcessId + ".bpmn", resource).stream()
        .filter(model -> model.bpmnProcessId().equals(bpmnProcessId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("stored resource lacks process " + bpmnProcessId));
  }
}
