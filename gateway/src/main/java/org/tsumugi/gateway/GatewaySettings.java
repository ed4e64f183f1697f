package org.tsumugi.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the gRPC gateway listens. Off unless switched on: it is a second door into the engine, in plain
 * text, which only older tools need (Modeler 5.39+ and the robots use REST).
 *
 * @param enabled {@code tsumugi.engine.grpc.enabled}
 * @param address the interface to bind; localhost unless the tools run on other machines
 * @param port Zeebe's gateway port unless told otherwise; 0 takes any free port
 * @param maxMessageSize the largest request (a deployment's resources travel in one message)
 */
@ConfigurationProperties("tsumugi.engine.grpc")
public record GatewaySettings(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("localhost") String address,
    @DefaultValue("26500") int port,
    @DefaultValue("20MB") DataSize maxMessageSize) {}
