package io.podcomposer;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.Filter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules at the top of ARCHITECTURE.md, held on the main code. */
@AnalyzeClasses(packages = "io.podcomposer",
		importOptions = { ImportOption.DoNotIncludeTests.class, ArchitectureTest.WrittenByHand.class })
class ArchitectureTest {

	/**
	 * Leaves out what Spring's AOT processing generates ({@code Foo__BeanDefinitions}):
	 * it wires every bean to its arguments, and after a package it may be older than the
	 * code.
	 */
	static final class WrittenByHand implements ImportOption {

		@Override
		public boolean includes(Location location) {
			return !location.contains("__");
		}

	}

	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("io.podcomposer.(*)..").should().beFreeOfCycles();

	/**
	 * Each layer names what it may use; infrastructure (system, security) uses no
	 * feature.
	 */
	@ArchTest
	static final ArchRule layersRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("deploy")
		.definedBy("io.podcomposer.deploy..")
		.layer("clusters")
		.definedBy("io.podcomposer.clusters..")
		.layer("kube")
		.definedBy("io.podcomposer.kube..")
		.layer("templates")
		.definedBy("io.podcomposer.templates..")
		.layer("compose")
		.definedBy("io.podcomposer.compose..")
		.layer("validation")
		.definedBy("io.podcomposer.validation..")
		.layer("podsecurity")
		.definedBy("io.podcomposer.podsecurity..")
		.layer("manifest")
		.definedBy("io.podcomposer.manifest..")
		.layer("security")
		.definedBy("io.podcomposer.security..")
		.layer("system")
		.definedBy("io.podcomposer.system..")
		.whereLayer("deploy")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("clusters")
		.mayOnlyAccessLayers("kube", "manifest", "security", "system")
		.whereLayer("kube")
		.mayOnlyAccessLayers("manifest", "system")
		.whereLayer("templates")
		.mayOnlyAccessLayers("compose", "validation", "podsecurity", "manifest", "security", "system")
		.whereLayer("compose")
		.mayOnlyAccessLayers("validation", "podsecurity", "manifest", "security", "system")
		.whereLayer("validation")
		.mayOnlyAccessLayers("podsecurity", "manifest", "system")
		.whereLayer("podsecurity")
		.mayOnlyAccessLayers("manifest", "system")
		.whereLayer("manifest")
		.mayOnlyAccessLayers("system")
		.whereLayer("security")
		.mayOnlyAccessLayers("system")
		.whereLayer("system")
		.mayNotAccessAnyLayer();

	/**
	 * The official client is confined to kube; validation reads its generated models'
	 * field names (BuiltInKinds, SchemaType) to know the built-in kinds' schema.
	 */
	@ArchTest
	static final ArchRule clientJavaOnlyInKube = noClasses().that()
		.resideOutsideOfPackage("io.podcomposer.kube..")
		.and()
		.haveNameNotMatching("io\\.podcomposer\\.validation\\.(BuiltInKinds|SchemaType)(\\$.*)?")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.kubernetes..");

	/**
	 * Services say what went wrong with a DomainException; only the web's edge speaks
	 * HTTP: controllers, the advice, and the filters and security set-up that answer
	 * before Spring MVC.
	 */
	@ArchTest
	static final ArchRule httpStatusOnlyAtTheWebEdge = noClasses().that(not(webEdge()))
		.should()
		.dependOnClassesThat()
		.belongToAnyOf(HttpStatus.class, ResponseStatusException.class, ErrorResponseException.class);

	/**
	 * Controllers and advice (with their nested and anonymous classes), servlet filters,
	 * and these.
	 */
	private static DescribedPredicate<JavaClass> webEdge() {
		Set<String> answeringBeforeMvc = Set.of("io.podcomposer.system.ProblemResponses",
				"io.podcomposer.system.ProblemErrorReportValve", "io.podcomposer.system.ApiDescriptionRules",
				"io.podcomposer.security.SecurityConfig", "io.podcomposer.security.ApiProblems");
		return DescribedPredicate.describe("controllers, advice, filters and " + answeringBeforeMvc, (type) -> {
			JavaClass outer = type;
			while (outer.getEnclosingClass().isPresent()) {
				outer = outer.getEnclosingClass().get();
			}
			return outer.isAnnotatedWith(Controller.class) || outer.isAnnotatedWith(RestController.class)
					|| outer.isAnnotatedWith(ControllerAdvice.class)
					|| outer.isAnnotatedWith(RestControllerAdvice.class) || outer.isAssignableTo(Filter.class)
					|| answeringBeforeMvc.contains(outer.getName());
		});
	}

}
