package io.podcomposer.system;

import java.util.List;

/**
 * Where the pages' scripts, styles and pictures are served: frontend/'s folders and the
 * WebJars.
 */
public final class AssetPaths {

	private static final List<String> FOLDERS = List.of("/css/", "/js/", "/img/", "/webjars/");

	/** The folders as request patterns. */
	public static final List<String> PATTERNS = FOLDERS.stream().map((folder) -> folder + "**").toList();

	private AssetPaths() {
	}

	static boolean isAsset(String path) {
		return FOLDERS.stream().anyMatch(path::startsWith);
	}

}
