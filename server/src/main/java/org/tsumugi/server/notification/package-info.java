/**
 * Notices to people (the referral letter's requester first): kept in the server's database, listed at
 * /notifications with an unread badge in the page header, optionally mailed (off unless configured).
 */
package org.tsumugi.server.notification;
