package io.podcomposer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that uses the database, and so runs a second time on PostgreSQL when the
 * build has one (the {@code postgres} execution of the {@code postgres-tests} profile
 * selects this tag).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(AlsoOnPostgres.TAG)
public @interface AlsoOnPostgres {

	String TAG = "postgres";

}
