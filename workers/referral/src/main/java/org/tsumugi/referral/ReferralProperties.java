package org.tsumugi.referral;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tsumugi.referral.*}: who writes the letters (the referring institution printed on every
 * letter) and the optional AI drafting, which stays off until the hospital names an endpoint.
 */
@ConfigurationProperties("tsumugi.referral")
public record ReferralProperties(@DefaultValue Institution institution, @DefaultValue Ai ai) {

	/** The referring institution (紹介元). */
	public record Institution(@DefaultValue("（医療機関名未設定）") String name, @DefaultValue("") String address,
			@DefaultValue("") String phone, @DefaultValue("0000000000") String code) {
	}

	/**
	 * An OpenAI-compatible chat-completions endpoint. {@code auditFile} receives every prompt and
	 * answer (masked, so it holds no identifiers) as one JSON line each.
	 */
	public record Ai(@DefaultValue("false") boolean enabled, URI baseUrl, @DefaultValue("") String model,
			@DefaultValue("") String apiKey, @DefaultValue("PT30S") Duration timeout,
			@DefaultValue("data/referral/ai-audit.jsonl") Path auditFile) {
	}
}
