package io.podcomposer.templates;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.podcomposer.manifest.DocumentBody.JSON;

/**
 * {@code POST /api/v1/templates/catalog}: an admin brings back the starter templates that
 * were deleted.
 */
@RestController
@Tag(name = "Templates")
class StarterCatalogApiController {

	private final StarterCatalog catalog;

	StarterCatalogApiController(StarterCatalog catalog) {
		this.catalog = catalog;
	}

	@Operation(summary = "Restore the starter catalog",
			description = "Re-creates the starter templates the library has no template of the name of; "
					+ "answers which were re-created and which were kept because they exist")
	@PostMapping(path = "/api/v1/templates/catalog", produces = JSON)
	StarterCatalog.Restored restore() {
		return this.catalog.restore();
	}

}
