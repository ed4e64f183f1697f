package org.tsumugi.claims.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tsumugi.claims.Checks;
import org.tsumugi.claims.Uke;

class CleanReceiptTest {

	@Test
	void aCorrectReceiptHasNoFindings() {
		assertThat(Checks.findings(Uke.receipt())).isEmpty();
	}

}
