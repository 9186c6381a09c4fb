package io.podcomposer.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class H2PageCacheTest {

	private static final long MIB = 1024 * 1024;

	@TempDir
	Path folder;

	@Test
	void theCacheIsAQuarterOfTheHeapWithinH2sDefaultAnd64Mb() {
		assertThat(H2PageCache.cacheKb(128 * MIB)).isEqualTo(32 * 1024);
		assertThat(H2PageCache.cacheKb(192 * MIB)).isEqualTo(48 * 1024);
		assertThat(H2PageCache.cacheKb(32 * MIB)).isEqualTo(16 * 1024);
		assertThat(H2PageCache.cacheKb(6 * 1024 * MIB)).isEqualTo(64 * 1024);
	}

	@Test
	void theDatabaseOpensWithTheSizeOfThisHeap() throws Exception {
		assertThat(cacheSetting("jdbc:h2:file:" + this.folder.resolve("sized") + ";LOCK_TIMEOUT=1000"))
			.isEqualTo(H2PageCache.cacheKb(Runtime.getRuntime().maxMemory()));
	}

	@Test
	void aSizeInTheUrlIsKept() throws Exception {
		assertThat(cacheSetting("jdbc:h2:file:" + this.folder.resolve("named") + ";cache_size=20000")).isEqualTo(20000);
	}

	private long cacheSetting(String url) throws Exception {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			pool.setUsername("sa");
			Object processed = new H2PageCache().postProcessAfterInitialization(pool, "dataSource");
			assertThat(processed).isSameAs(pool);
			try (Connection connection = pool.getConnection();
					ResultSet setting = connection.createStatement()
						.executeQuery(
								"select setting_value from information_schema.settings where setting_name = 'CACHE_SIZE'")) {
				assertThat(setting.next()).isTrue();
				return Long.parseLong(setting.getString(1));
			}
		}
	}

}
