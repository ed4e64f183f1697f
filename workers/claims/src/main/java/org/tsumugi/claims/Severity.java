package org.tsumugi.claims;

/**
 * How urgent a finding is for the clerk. The order matters: reports sort by it.
 */
public enum Severity {
	/** The receipt will very likely be returned (返戻) or the file rejected: fix before submitting. */
	ERROR("エラー"),
	/** Likely to be cut (査定) or questioned: a clerk should look. */
	WARNING("警告"),
	/** Worth knowing, usually fine. */
	INFO("確認");

	private final String label;

	Severity(String label) {
		this.label = label;
	}

	/** The Japanese word a clerk sees. */
	public String label() {
		return label;
	}
}
