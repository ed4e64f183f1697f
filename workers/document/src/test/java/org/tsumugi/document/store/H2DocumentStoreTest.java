package org.tsumugi.document.store;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The database store on H2, the server's embedded default. */
class H2DocumentStoreTest extends DatabaseDocumentStoreContract {

	@Override
	DataSource database() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:documents" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		return h2;
	}

}
