package io.podcomposer.security;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body that creates or changes a user. On a change, what is left out stays as it is.
 * Roles are read as names, so that an unknown one is a 422 naming it rather than an
 * unreadable body.
 */
record UserRequest(@Schema(example = "alice") String name,
		@Schema(description = "At least 10 characters; on a change, empty or absent keeps the old one",
				accessMode = Schema.AccessMode.WRITE_ONLY) String password,
		@Schema(example = "[\"EDITOR\"]") List<String> roles,
		@Schema(description = "Only on a change; new users are enabled") Boolean enabled) {
}
