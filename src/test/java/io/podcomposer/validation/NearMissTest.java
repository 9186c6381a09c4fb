package io.podcomposer.validation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NearMissTest {

	private static final List<String> CONTAINER = List.of("args", "command", "image", "imagePullPolicy", "name",
			"ports", "securityContext", "tty", "volumeMounts");

	@Test
	void suggestsTheFieldOneOrTwoEditsOrACaseAway() {
		assertThat(NearMiss.of("imagePullPolicyy", CONTAINER)).isEqualTo("imagePullPolicy");
		assertThat(NearMiss.of("imagePulPolicy", CONTAINER)).isEqualTo("imagePullPolicy");
		assertThat(NearMiss.of("imagePullPolciy", CONTAINER)).isEqualTo("imagePullPolicy");
		assertThat(NearMiss.of("volumeMount", CONTAINER)).isEqualTo("volumeMounts");
		assertThat(NearMiss.of("comand", CONTAINER)).isEqualTo("command");
		assertThat(NearMiss.of("SecurityContext", CONTAINER)).isEqualTo("securityContext");
		assertThat(NearMiss.of("VOLUMEMOUNTS", CONTAINER)).isEqualTo("volumeMounts");
	}

	@Test
	void suggestsNothingForAFarOffOrTooShortName() {
		assertThat(NearMiss.of("flavour", CONTAINER)).isNull();
		assertThat(NearMiss.of("imagePolicy", CONTAINER)).isNull();
		assertThat(NearMiss.of("ty", CONTAINER)).isNull();
		assertThat(NearMiss.of("x", List.of("y"))).isNull();
	}

}
