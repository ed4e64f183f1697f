package org.tsumugi.referral.notice;

/**
 * Tells the requesting doctor how the request ended. The server replaces the default with its own
 * channel (its notifications page, optional mail). The message is fixed text without patient data; the
 * patient's ID, which the requester asked about, travels apart so that a channel can keep it in-house
 * (never in mail, never in a log).
 */
public interface Notifier {

	/** @param patientId the request's patient, or empty; patient data */
	record Notice(long processInstanceKey, String recipient, String code, String message, String patientId) {
	}

	void send(Notice notice);
}
