package org.tsumugi.claims.check;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tsumugi.claims.*}.
 *
 * @param mastersDir folder with the 支払基金 master CSVs; unset means the synthetic test masters
 * @param rulesDir folder with {@code claim-*.dmn}; unset means the tables packaged with Tsumugi
 * @param findingsDir where findings files are written
 * @param suspectedMonths months after which an open 疑い病名 is flagged
 * @param localPublicLaws 法別番号 of 地方単独公費 exempt from the check-digit rule
 */
@ConfigurationProperties("tsumugi.claims")
public record ClaimsProperties(Path mastersDir, Path rulesDir, @DefaultValue("data/claims/findings") Path findingsDir,
		@DefaultValue("2") int suspectedMonths, @DefaultValue List<String> localPublicLaws) {
}
