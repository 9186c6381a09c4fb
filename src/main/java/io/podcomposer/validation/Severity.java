package io.podcomposer.validation;

/** ERROR: the API server would reject the object on create. WARNING: a best-practice hint; never blocks. */
public enum Severity {

	ERROR, WARNING

}
