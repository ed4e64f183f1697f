/**
 * The robots (job workers of the document, browser and claims modules) inside the server, working
 * against the server's own embedded engine through the official client.
 */
package org.tsumugi.server.robots;
