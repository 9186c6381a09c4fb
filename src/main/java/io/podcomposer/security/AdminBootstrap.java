package io.podcomposer.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

import io.podcomposer.system.DomainException;

/**
 * A fresh install gets user {@code admin} (ADMIN) when there are no users. Its password
 * comes from {@code PODCOMPOSER_ADMIN_PASSWORD}, or is generated and printed once. When
 * {@code PODCOMPOSER_ADMIN_TOKEN} is set, admin has an API token of exactly that value.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	static final String TOKEN_NAME = "bootstrap";

	private static final Logger logger = LoggerFactory.getLogger(AdminBootstrap.class);

	private final AccountService accounts;

	private final String password;

	private final String token;

	AdminBootstrap(AccountService accounts, @Value("${PODCOMPOSER_ADMIN_PASSWORD:}") String password,
			@Value("${PODCOMPOSER_ADMIN_TOKEN:}") String token) {
		this.accounts = accounts;
		this.password = password;
		this.token = token;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.accounts.hasUsers()) {
			createAdmin();
		}
		if (!this.token.isEmpty()) {
			try {
				this.accounts.ensureToken(ADMIN, TOKEN_NAME, this.token);
			}
			catch (AccountException ex) {
				logger.warn("PODCOMPOSER_ADMIN_TOKEN is set, but there is no user 'admin' to give it to");
			}
			catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
				logger.info("Another instance stored PODCOMPOSER_ADMIN_TOKEN at the same time");
			}
		}
	}

	/**
	 * Of instances starting together on one database, one makes admin; the name is
	 * unique.
	 */
	private void createAdmin() {
		String adminPassword = this.password.isEmpty() ? generatePassword() : this.password;
		try {
			this.accounts.create(ADMIN, adminPassword, Set.of(Role.ADMIN));
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException ex) {
			logger.info("Another instance created the user 'admin' at the same time");
			return;
		}
		catch (AccountException ex) {
			if (ex.kind() != DomainException.Kind.CONFLICT) {
				throw ex;
			}
			logger.info("Another instance created the user 'admin' at the same time");
			return;
		}
		if (this.password.isEmpty()) {
			// The one time this password exists outside its hash: the operator needs it
			// to sign in.
			logger.warn("""

					==================================================================
					 Pod Composer created the user 'admin'. Its generated password:

					     {}

					 It is shown only this once. Sign in and change it on your profile
					 page, or set PODCOMPOSER_ADMIN_PASSWORD before the first start.
					==================================================================""", adminPassword);
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
