package org.tsumugi.server.audit;

/**
 * The result of walking the audit chain from its first entry.
 *
 * @param intact every entry is present, unaltered and linked to the one before
 * @param entries how many entries were checked
 * @param brokenAtSeq the first entry found missing, altered or unlinked; null when intact
 * @param problem what is wrong there, in plain words; null when intact
 * @param headHash the last entry's hash: note it down elsewhere to detect a cut-off tail later
 */
public record ChainVerification(boolean intact, long entries, Long brokenAtSeq, String problem, String headHash) {
}
