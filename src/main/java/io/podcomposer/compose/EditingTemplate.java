package io.podcomposer.compose;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A template opened in the composer: which one, the revision the edit starts from, its
 * manifest and the names of the parameters it declares.
 */
public record EditingTemplate(long id, String name, int basedOn, JsonNode manifest, List<String> declared) {
}
