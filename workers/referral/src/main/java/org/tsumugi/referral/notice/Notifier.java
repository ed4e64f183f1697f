package org.tsumugi.referral.notice;

/**
 * Tells the requesting doctor how the request ended. The server replaces the default with its own
 * channel (tasklist notice, mail); a notice never carries patient data beyond what the recipient asked
 * about, and implementations must not log its message.
 */
public interface Notifier {

	record Notice(long processInstanceKey, String recipient, String code, String message) {
	}

	void send(Notice notice);
}
