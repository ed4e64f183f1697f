package org.tsumugi.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DocumentReferenceTest {

	@Test
	void travelsAsAPlainMapAndComesBack() {
		DocumentReference reference = new DocumentReference("id-1", "紹介状.pdf", "application/pdf", "ab12");

		assertThat(DocumentReference.fromVariable(reference.toVariable())).isEqualTo(reference);
	}

	@Test
	void acceptsABareIdPastedIntoAForm() {
		assertThat(DocumentReference.fromVariable("id-1")).isEqualTo(new DocumentReference("id-1", null, null, null));
	}

	@Test
	void refusesAnythingWithoutAnId() {
		assertThatThrownBy(() -> DocumentReference.fromVariable(Map.of("name", "x.pdf")))
			.isInstanceOfSatisfying(DocumentProblem.class,
					problem -> assertThat(problem.code()).isEqualTo(DocumentProblem.Code.DOCUMENT_REFERENCE_INVALID));
		assertThatThrownBy(() -> DocumentReference.fromVariable(null)).isInstanceOf(DocumentProblem.class);
	}
}
