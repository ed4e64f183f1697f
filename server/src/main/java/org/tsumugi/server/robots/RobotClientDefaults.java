package org.tsumugi.server.robots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the robots' Camunda client at this server unless {@code camunda.client.rest-address} is set
 * (a remote engine). The client is built before the web server binds, so a requested port 0 ("any free
 * port") is resolved to a concrete free port here; otherwise the robots could not know where to call.
 * Runs after the configuration files are read so it sees their port and address.
 */
public class RobotClientDefaults implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE = "tsumugiRobotClient";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		boolean remote = "remote".equals(env.getProperty("tsumugi.mode"));
		if (!env.getProperty("tsumugi.robots.enabled", Boolean.class, true)) {
			if (!remote) { // in remote mode the inbox needs the client; without the robots it has no job workers
				env.getPropertySources().addFirst(new MapPropertySource(SOURCE, Map.of("camunda.client.enabled", "false")));
			}
			return;
		}
		Map<String, Object> values = new LinkedHashMap<>();
		if (!remote && env.getProperty("camunda.client.rest-address") == null) { // remote mode names its cluster
			int port = env.getProperty("server.port", Integer.class, 8080);
			if (port == 0) {
				port = freePort();
				values.put("server.port", port);
			}
			String host = env.getProperty("server.address", "localhost");
			String address = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
			values.put("camunda.client.rest-address", address);
			values.put("camunda.client.grpc-address", address);
			values.put("camunda.client.prefer-rest-over-grpc", "true");
			values.put("camunda.client.mode", "self-managed");
			if (env.getProperty("camunda.client.auth.method") == null) {
				// This server's /v2 takes HTTP Basic: the robots get an account of their own with a password that
				// exists only in this process (the security module sets the account up before workers start).
				String password = randomPassword();
				values.put("camunda.client.auth.method", "basic");
				values.put("camunda.client.auth.username", "tsumugi-robots");
				values.put("camunda.client.auth.password", password);
				values.put("tsumugi.robots.internal-password", password);
			}
		}
		if (env.getProperty("camunda.client.request-timeout-offset") == null) {
			// A busy server may answer a long poll a little after its timeout; the client's default second of
			// slack would drop that answer, and the jobs in it would wait for their job timeout.
			values.put("camunda.client.request-timeout-offset", "PT10S");
		}
		if (env.getProperty("camunda.client.worker.defaults.poll-interval") == null) {
			// The client's job worker skips its next long poll for one poll interval when a quick handler finishes
			// before the worker has counted the poll's jobs (JobWorkerImpl, 8.8): at the default 100 ms that is the
			// p99 of a one-task instance. Empty polls still back off from 50 ms, so an idle robot polls no more.
			values.put("camunda.client.worker.defaults.poll-interval", "PT0.01S");
		}
		if (!values.isEmpty()) {
			// First, so that a resolved port wins over the "0" it replaces; everything else was unset.
			env.getPropertySources().addFirst(new MapPropertySource(SOURCE, values));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new java.security.SecureRandom().nextBytes(bytes);
		return "R-" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "-9z";
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("no free port for the server", e);
		}
	}

}
