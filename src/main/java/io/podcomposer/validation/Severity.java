package io.podcomposer.validation;

/**
 * ERROR: the API server would reject the object on create, or the container runtime would
 * refuse to start it. WARNING: a best-practice hint; never blocks.
 */
public enum Severity {

	ERROR, WARNING

}
