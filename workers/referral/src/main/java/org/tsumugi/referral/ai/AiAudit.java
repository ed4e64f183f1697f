package org.tsumugi.referral.ai;

/**
 * Where every AI call is recorded: the masked request, the masked answer (or null) and the outcome
 * ({@code answered}, {@code failed: …}, {@code interrupted}). Only masked text reaches it, so it holds no
 * identifiers. A failure to record must throw: an unaudited call does not count and the deterministic
 * draft is used.
 */
public interface AiAudit {

	void record(long processInstanceKey, String maskedRequest, String maskedAnswer, String outcome);
}
