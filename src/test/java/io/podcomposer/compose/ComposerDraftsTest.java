package io.podcomposer.compose;

import io.podcomposer.compose.ComposerDrafts.Draft;
import io.podcomposer.compose.ComposerDrafts.PageEdit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drafts in the sessions the database keeps: each request reads its session when it
 * starts, so the order of the page's changes is checked against the stored session, not
 * the request's copy.
 */
@SpringBootTest
class ComposerDraftsTest {

	@Autowired
	private ComposerDrafts drafts;

	@Autowired
	private SessionRepository<?> sessions;

	@Test
	void aChangeThatEndsAfterALaterOneOfItsPageLeavesTheLaterDraftStored() {
		String id = storedSession(this.sessions);
		// two previews of one page, each request with the session as it was when both
		// started
		MockHttpSession earlier = new MockHttpSession(null, id);
		MockHttpSession later = new MockHttpSession(null, id);

		this.drafts.keep(later, edit("{\"later\":true}", "page-1", 2));
		this.drafts.keep(earlier, edit("{\"earlier\":true}", "page-1", 1));

		assertThat(storedDraft(this.sessions, id).manifestJson()).isEqualTo("{\"later\":true}");

		// another load of the page, and a starting point, replace it whatever their
		// number
		this.drafts.keep(earlier, edit("{\"reloaded\":true}", "page-2", 1));
		assertThat(storedDraft(this.sessions, id).manifestJson()).isEqualTo("{\"reloaded\":true}");
		this.drafts.keep(earlier, new Draft("{\"example\":true}", null, null));
		assertThat(storedDraft(this.sessions, id).manifestJson()).isEqualTo("{\"example\":true}");
	}

	private static Draft edit(String manifestJson, String page, long sequence) {
		return new Draft(manifestJson, null, null, null, true, new PageEdit(page, sequence));
	}

	private static <S extends Session> String storedSession(SessionRepository<S> repository) {
		S session = repository.createSession();
		repository.save(session);
		return session.getId();
	}

	private static <S extends Session> Draft storedDraft(SessionRepository<S> repository, String id) {
		return repository.findById(id).getAttribute(ComposerDrafts.class.getName());
	}

}
