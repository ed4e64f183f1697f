/** The tamper-evident access log: who viewed or changed what, when and from where. */
package org.tsumugi.server.audit;
