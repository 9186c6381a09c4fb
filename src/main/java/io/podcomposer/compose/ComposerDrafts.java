package io.podcomposer.compose;

import java.io.Serializable;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

import io.podcomposer.system.DomainException;
import io.podcomposer.system.DomainException.Kind;

/**
 * The composer's work in progress, kept in the user's session: every change the page
 * sends is stored, so that leaving the composer (the library, Back, a reload) and coming
 * back finds it.
 * <p>
 * A page's changes are numbered ({@link PageEdit}): one that arrives, or ends, after a
 * later one of the same page is not kept, so that a slow preview cannot put back an older
 * pod. A request's session is read from the database when the request starts and written
 * when it ends, which would let the slower request win; so a change is compared with, and
 * written to, the stored session at once, one at a time per session.
 */
@Component
public class ComposerDrafts {

	private static final String ATTRIBUTE = ComposerDrafts.class.getName();

	private static final int PAGE_ID_MAX_LENGTH = 64;

	private final ReentrantLock[] locks = new ReentrantLock[64];

	private final ObjectProvider<SessionRepository<?>> sessions;

	ComposerDrafts(ObjectProvider<SessionRepository<?>> sessions) {
		this.sessions = sessions;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new ReentrantLock();
		}
	}

	/**
	 * What the composer holds: the manifest, the YAML tab's text when that tab was being
	 * edited (it may not read), the template being edited and the revision the edit
	 * started from. {@code changed} is false for a starting point nobody has edited yet.
	 * {@code edit} is the page's numbered change it comes from; none for a starting
	 * point.
	 */
	record Draft(String manifestJson, String yamlText, Long templateId, Integer basedOn, boolean changed,
			PageEdit edit) implements Serializable {

		Draft(String manifestJson, Long templateId, Integer basedOn) {
			this(manifestJson, null, templateId, basedOn, false, null);
		}

		/**
		 * Whether this draft is to replace the one kept: a starting point, another page's
		 * or a later change.
		 */
		boolean replaces(Draft kept) {
			return kept == null || this.edit == null || kept.edit == null || !this.edit.page().equals(kept.edit.page())
					|| this.edit.sequence() > kept.edit.sequence();
		}

	}

	/**
	 * The number of a change within one load of the composer page ({@code draftPage},
	 * made by the page), counted up with each request it sends ({@code draftSequence}).
	 */
	record PageEdit(String page, long sequence) implements Serializable {

		/**
		 * The request's numbered change; none for a request without one (a page posted
		 * whole).
		 */
		static PageEdit of(String draftPage, Long draftSequence) {
			if (draftPage == null || draftPage.isBlank() || draftSequence == null) {
				return null;
			}
			if (draftPage.length() > PAGE_ID_MAX_LENGTH) {
				throw new DomainException(Kind.MALFORMED,
						"draftPage is longer than " + PAGE_ID_MAX_LENGTH + " characters");
			}
			return new PageEdit(draftPage, draftSequence);
		}

	}

	Draft current(HttpSession session) {
		return (session.getAttribute(ATTRIBUTE) instanceof Draft draft) ? draft : null;
	}

	/** Keeps the draft unless the one kept comes from a later change of the same page. */
	void keep(HttpSession session, Draft draft) {
		ReentrantLock lock = this.locks[Math.floorMod(session.getId().hashCode(), this.locks.length)];
		lock.lock();
		try {
			SessionRepository<?> repository = this.sessions.getIfAvailable();
			if (repository == null || !keepStored(repository, session.getId(), draft)) {
				// no session store (tests), or a session not stored yet: the request's
				// own is the draft's
				if (draft.replaces(current(session))) {
					session.setAttribute(ATTRIBUTE, draft);
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * @return false when the session is not stored yet
	 */
	private static <S extends Session> boolean keepStored(SessionRepository<S> repository, String id, Draft draft) {
		S stored = repository.findById(id);
		if (stored == null) {
			return false;
		}
		Draft kept = (stored.getAttribute(ATTRIBUTE) instanceof Draft found) ? found : null;
		if (draft.replaces(kept)) {
			stored.setAttribute(ATTRIBUTE, draft);
			repository.save(stored);
		}
		return true;
	}

	/** Forgets the draft: it has been saved, or the user starts something new. */
	public void discard(HttpSession session) {
		session.removeAttribute(ATTRIBUTE);
	}

}
