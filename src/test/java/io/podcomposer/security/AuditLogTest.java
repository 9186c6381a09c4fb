package io.podcomposer.security;

import java.util.UUID;

import io.podcomposer.AlsoOnPostgres;
import io.podcomposer.TestAdmin;
import io.podcomposer.security.AuditEntry.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A failure is audited even when the work it belongs to is rolled back; a success stands
 * or falls with its work. Both overloads of {@link AuditLog#record}, which once differed:
 * the one without an actor called the other on {@code this}, past the transaction proxy.
 */
@SecurityTest
@AlsoOnPostgres
class AuditLogTest {

	@Autowired
	private AuditLog audit;

	@Autowired
	private PlatformTransactionManager transactions;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MockMvc mvc;

	@Test
	void aFailureRecordedInWorkThatIsRolledBackIsKept() {
		String target = unique();

		inWorkThatRollsBack(() -> {
			this.audit.record("TEST_FAILED", target, Outcome.FAILURE, "without an actor");
			this.audit.record("someone", "TEST_DENIED", target, Outcome.DENIED, "with an actor");
		});

		assertThat(audited(target)).isEqualTo(2);
	}

	@Test
	void aSuccessRecordedInWorkThatIsRolledBackGoesWithIt() {
		String target = unique();

		inWorkThatRollsBack(() -> {
			this.audit.record("TEST_DONE", target, Outcome.SUCCESS, null);
			this.audit.record("someone", "TEST_DONE", target, Outcome.SUCCESS, null);
		});

		assertThat(audited(target)).isZero();
	}

	@Test
	void aSuccessOutsideAnyTransactionIsKept() {
		String target = unique();

		this.audit.record("TEST_DONE", target, Outcome.SUCCESS, null);

		assertThat(audited(target)).isEqualTo(1);
	}

	@Test
	void aRefusedClusterAddIsAudited() throws Exception {
		String name = "refused-" + UUID.randomUUID().toString().substring(0, 8);

		int status = this.mvc
			.perform(post("/api/v1/clusters").header(HttpHeaders.AUTHORIZATION, TestAdmin.BEARER)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + name + "\", \"kubeconfig\": \"apiVersion: v1\\nkind: Config\\n\"}"))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).isEqualTo(422);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry where action = 'CLUSTER_ADD' and target = ? and outcome = 'FAILURE'",
				Integer.class, name))
			.isEqualTo(1);
	}

	private void inWorkThatRollsBack(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			work.run();
			status.setRollbackOnly();
		});
	}

	private int audited(String target) {
		return this.jdbc.queryForObject("select count(*) from audit_entry where target = ?", Integer.class, target);
	}

	private static String unique() {
		return "audit-test-" + UUID.randomUUID();
	}

}
