/** What every page shares: the language it is shown in. */
package org.tsumugi.server.web;
