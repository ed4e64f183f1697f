package org.tsumugi.claims.nightly;

import java.nio.file.Path;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code tsumugi.claims.nightly.*}.
 *
 * @param inboxDir where the レセコン (or a clerk) drops the month's UKE files
 * @param archiveDir where imported files are moved, with the ledger of their checksums
 * @param reviewMaxFindings most findings one review task shows; the rest are counted and stay in the CSV
 * @param retention how long imported UKE files and findings files are kept (counted from the import or check)
 */
@ConfigurationProperties("tsumugi.claims.nightly")
public record NightlyProperties(@DefaultValue("data/claims/inbox") Path inboxDir,
		@DefaultValue("data/claims/imported") Path archiveDir, @DefaultValue("200") int reviewMaxFindings,
		@DefaultValue("5y") Period retention) {
}
