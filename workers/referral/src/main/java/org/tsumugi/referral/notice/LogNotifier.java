package org.tsumugi.referral.notice;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default channel until the server provides one: the log line names the code and the recipient only. */
public class LogNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(LogNotifier.class);

	@Override
	public void send(Notice notice) {
		log.info("Referral notice {} for process instance {} to {}", notice.code(), notice.processInstanceKey(),
				notice.recipient());
	}
}
