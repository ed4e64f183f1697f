package org.tsumugi.server.monshin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code tsumugi.monshin.page}.
 *
 * @param formId the deployed Camunda Form the patients answer (its latest version)
 * @param maxBody the largest submission accepted: far above any questionnaire, far below a document
 * @param perAddress submissions one client address may make per window
 * @param perLink submissions one link may receive per window (a clinic link is shared by many phones)
 * @param window the rate limits' sliding window
 * @param publicUrl the address patients reach this server at, for the links staff hand out; empty: the
 *     address the staff member's own browser used
 */
@ConfigurationProperties("tsumugi.monshin.page")
record PatientPageSettings(
    @DefaultValue("monshin-questionnaire") String formId,
    @DefaultValue("64KB") DataSize maxBody,
    @DefaultValue("10") int perAddress,
    @DefaultValue("60") int perLink,
    @DefaultValue("10m") Duration window,
    @DefaultValue("") String publicUrl) {}
