package io.podcomposer.system;

import java.util.Locale;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Sizes the embedded H2's page cache, which lives in the Java heap, to a quarter of the
 * heap, between H2's own 16 MB and 64 MB, unless the URL names a size. 64 MB keeps a
 * library of 100,000 templates in memory where the heap has room for it; in a 512 MiB
 * container the heap is 128 MiB, and a 64 MB cache there left so little room that the
 * collector ran without pause.
 */
@Component
class H2PageCache implements BeanPostProcessor, Ordered {

	static final long LEAST_KB = 16 * 1024;

	static final long MOST_KB = 64 * 1024;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith("jdbc:h2:file:")
				&& !hikari.getJdbcUrl().toUpperCase(Locale.ROOT).contains(";CACHE_SIZE=")) {
			hikari.setJdbcUrl(hikari.getJdbcUrl() + ";CACHE_SIZE=" + cacheKb(Runtime.getRuntime().maxMemory()));
		}
		return bean;
	}

	/**
	 * A quarter of the heap, in the KB that H2's CACHE_SIZE counts, within H2's default
	 * and 64 MB.
	 */
	static long cacheKb(long maxHeapBytes) {
		return Math.max(LEAST_KB, Math.min(MOST_KB, maxHeapBytes / 4 / 1024));
	}

	/** Before {@link H2DurableCommits} wraps the pool. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
