package org.tsumugi.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Tsumugi's server: the embedded engine, the robots and the web UI in one process. */
@SpringBootApplication
public class TsumugiApplication {

  public static void main(String[] args) {
    SpringApplication.run(TsumugiApplication.class, args);
  }
}
