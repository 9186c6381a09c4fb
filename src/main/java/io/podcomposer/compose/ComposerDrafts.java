package io.podcomposer.compose;

import java.io.Serializable;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * The composer's work in progress, kept in the user's session: every change the page sends is
 * stored, so that leaving the composer (the library, Back, a reload) and coming back finds it.
 */
@Component
public class ComposerDrafts {

	private static final String ATTRIBUTE = ComposerDrafts.class.getName();

	/**
	 * What the composer holds: the manifest, the YAML tab's text when that tab was being edited
	 * (it may not read), the template being edited and the revision the edit started from.
	 * {@code changed} is false for a starting point nobody has edited yet.
	 */
	record Draft(String manifestJson, String yamlText, Long templateId, Integer basedOn, boolean changed)
			implements Serializable {
	}

	Draft current(HttpSession session) {
		return (session.getAttribute(ATTRIBUTE) instanceof Draft draft) ? draft : null;
	}

	void keep(HttpSession session, Draft draft) {
		session.setAttribute(ATTRIBUTE, draft);
	}

	/** Forgets the draft: it has been saved, or the user starts something new. */
	public void discard(HttpSession session) {
		session.removeAttribute(ATTRIBUTE);
	}

}
