/** The server's own database tables, migrated apart from the engine's. */
package org.tsumugi.server.schema;
