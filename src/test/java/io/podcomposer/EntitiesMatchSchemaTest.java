package io.podcomposer;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entities against the schema the migrations make: Hibernate checks every table and
 * column they map, and the context does not start when one is missing or of another type.
 * The portal itself skips this check at start-up (it cost a third of it); here it guards
 * every build.
 */
@SpringBootTest(properties = "spring.jpa.hibernate.ddl-auto=validate")
@AlsoOnPostgres
class EntitiesMatchSchemaTest {

	@Autowired
	private EntityManagerFactory entities;

	@Test
	void everyEntityIsMappedOntoTheMigratedSchema() {
		assertThat(this.entities.getMetamodel().getEntities()).extracting((entity) -> entity.getName())
			.contains("Template", "TemplateRevision", "UserAccount", "ApiToken", "AuditEntry", "Cluster",
					"DeploymentRecord", "LastTarget");
	}

}
