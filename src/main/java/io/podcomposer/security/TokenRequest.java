package io.podcomposer.security;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body that asks for a new API token. */
record TokenRequest(
		@Schema(description = "What the token is for, 1 to 100 characters", example = "ci-pipeline") String name) {
}
