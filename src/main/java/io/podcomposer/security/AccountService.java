package io.podcomposer.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.podcomposer.security.AuditEntry.Outcome;
import io.podcomposer.system.DomainException.Kind;
import io.podcomposer.system.FieldProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their API tokens: every change is checked, audited, and never leaves the
 * portal without an enabled admin.
 */
@Service
public class AccountService {

	static final int MIN_PASSWORD_LENGTH = 10;

	/**
	 * bcrypt reads no more than this many bytes of a password (UTF-8), and refuses longer
	 * ones.
	 */
	static final int MAX_PASSWORD_BYTES = 72;

	private static final Pattern USER_NAME = Pattern.compile("[a-z0-9]([a-z0-9._@-]{0,62}[a-z0-9])?");

	/** last_used_at is written at most this often per token, not on every call. */
	private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	private final UserAccountRepository users;

	private final ApiTokenRepository tokens;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final UserSessions sessions;

	private final AuthenticatedTokens authenticated = new AuthenticatedTokens();

	AccountService(UserAccountRepository users, ApiTokenRepository tokens, PasswordEncoder passwords, AuditLog audit,
			Clock clock, UserSessions sessions) {
		this.sessions = sessions;
		this.users = users;
		this.tokens = tokens;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/** A user as pages and the API show it: never the password hash. */
	public record UserView(String name, Set<Role> roles, boolean enabled, boolean locked, Instant createdAt) {

		/**
		 * The role that decides what the user may do (it includes the lower ones); not
		 * part of the API answer.
		 */
		public Role highestRole() {
			return Role.highest(this.roles);
		}

	}

	public record TokenView(Long id, String name, Instant createdAt, Instant lastUsedAt) {
	}

	/** A token just created: the only time its value is shown. */
	public record IssuedToken(Long id, String name, String token, Instant createdAt) implements Serializable {
	}

	@Transactional(readOnly = true)
	public List<UserView> users() {
		return this.users.findAllByOrderByNameAsc().stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public UserView user(String name) {
		return view(find(name));
	}

	@Transactional
	public UserView create(String name, String password, Collection<Role> roles) {
		String cleanName = (name == null) ? "" : name.trim();
		if (!USER_NAME.matcher(cleanName).matches()) {
			throw new AccountException(new FieldProblem("name", "a user name is 1 to 64 lower-case letters, digits"
					+ " and . _ @ -, starting and ending with a letter or digit", "pattern"));
		}
		if (this.users.existsByName(cleanName)) {
			throw new AccountException(Kind.CONFLICT, "a user named " + cleanName + " exists already");
		}
		UserAccount user = new UserAccount(cleanName, encode(password), validRoles(roles), this.clock.instant());
		this.users.save(user);
		this.audit.record("USER_CREATED", cleanName, Outcome.SUCCESS, "roles " + user.getRoles());
		return view(user);
	}

	/**
	 * Changes what is given (null leaves a part as it is): password, roles, enabled. Any
	 * change ends the user's browser sessions, so that none goes on with what no longer
	 * holds.
	 */
	@Transactional
	public UserView update(String name, String password, Collection<Role> roles, Boolean enabled) {
		UserAccount user = find(name);
		Set<Role> newRoles = (roles != null) ? validRoles(roles) : user.getRoles();
		boolean newEnabled = (enabled != null) ? enabled : user.isEnabled();
		if (user.getRoles().contains(Role.ADMIN) && user.isEnabled()
				&& (!newRoles.contains(Role.ADMIN) || !newEnabled)) {
			requireAnotherAdmin(user);
		}
		boolean changed = false;
		if (password != null && !password.isEmpty()) {
			changed = true;
			user.setPasswordHash(encode(password));
			user.loginSucceeded();
			this.audit.record("PASSWORD_RESET", name, Outcome.SUCCESS, null);
		}
		if (!newRoles.equals(user.getRoles())) {
			changed = true;
			this.audit.record("ROLES_CHANGED", name, Outcome.SUCCESS, user.getRoles() + " -> " + newRoles);
			user.setRoles(newRoles);
		}
		if (newEnabled != user.isEnabled()) {
			changed = true;
			user.setEnabled(newEnabled);
			this.audit.record(newEnabled ? "USER_ENABLED" : "USER_DISABLED", name, Outcome.SUCCESS, null);
		}
		if (changed) {
			this.sessions.end(name);
			this.authenticated.forgetAll();
		}
		return view(user);
	}

	/**
	 * A user changes their own password, knowing the current one; the new one follows the
	 * rules of any. Their other browser sessions end, the one they asked in stays. A
	 * wrong current password counts as a failed login (the tenth in a row locks the
	 * account), so that a session left open is no way to guess it; the count is kept
	 * although the change is refused.
	 */
	@Transactional(noRollbackFor = AccountException.class)
	public void changeOwnPassword(String name, String currentPassword, String newPassword, String keptSessionId) {
		UserAccount user = find(name);
		if (currentPassword == null || !this.passwords.matches(currentPassword, user.getPasswordHash())) {
			// audited first (in a transaction of its own), so that no second connection
			// is waited for holding the row
			this.audit.record(name, "PASSWORD_CHANGE_FAILED", name, Outcome.FAILURE, "wrong current password");
			this.users.countLoginAttempt(name);
			lockAfterFailedLogins(name, LoginAttempts.LOCKOUT);
			throw new AccountException(
					new FieldProblem("currentPassword", "the current password is not right", "mismatch"));
		}
		user.setPasswordHash(encode(newPassword));
		user.loginSucceeded();
		this.audit.record(name, "PASSWORD_CHANGED", name, Outcome.SUCCESS, null);
		this.sessions.endOthers(name, keptSessionId);
	}

	@Transactional
	public void delete(String name) {
		UserAccount user = find(name);
		if (name.equals(AuditLog.currentActor())) {
			throw new AccountException(Kind.CONFLICT, "you cannot delete yourself");
		}
		if (user.getRoles().contains(Role.ADMIN) && user.isEnabled()) {
			requireAnotherAdmin(user);
		}
		this.users.delete(user);
		this.sessions.end(name);
		this.authenticated.forgetAll();
		this.audit.record("USER_DELETED", name, Outcome.SUCCESS, null);
	}

	@Transactional(readOnly = true)
	public List<TokenView> tokens(String userName) {
		return this.tokens.findByUserOrderByCreatedAtDesc(find(userName))
			.stream()
			.map((token) -> new TokenView(token.getId(), token.getName(), token.getCreatedAt(), token.getLastUsedAt()))
			.toList();
	}

	@Transactional
	public IssuedToken createToken(String userName, String tokenName) {
		String cleanName = (tokenName == null) ? "" : tokenName.trim();
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			throw new AccountException(
					new FieldProblem("name", "a token needs a name of 1 to 100 characters", "length"));
		}
		// shown in lists and the audit log, and PostgreSQL cannot store U+0000
		if (cleanName.chars().anyMatch(Character::isISOControl)) {
			throw new AccountException(new FieldProblem("name",
					"a token's name may not hold line breaks or other control characters", "format"));
		}
		String value = TokenValues.generate();
		ApiToken token = this.tokens
			.save(new ApiToken(find(userName), cleanName, TokenValues.hash(value), this.clock.instant()));
		this.audit.record("TOKEN_CREATED", userName + "/" + cleanName, Outcome.SUCCESS, null);
		return new IssuedToken(token.getId(), cleanName, value, token.getCreatedAt());
	}

	@Transactional
	public void revokeToken(String userName, Long id) {
		ApiToken token = this.tokens.findByIdAndUser(id, find(userName))
			.orElseThrow(() -> new AccountException(Kind.NOT_FOUND, "no token " + id + " for " + userName));
		this.tokens.delete(token);
		this.authenticated.forgetAll();
		this.audit.record("TOKEN_REVOKED", userName + "/" + token.getName(), Outcome.SUCCESS, null);
	}

	/**
	 * Locks the account for {@code lockout}, and audits it, if its failed logins reached
	 * the limit and it is not locked yet; its API tokens stop working with it.
	 */
	@Transactional
	void lockAfterFailedLogins(String name, Duration lockout) {
		if (this.users.lockAfterFailedLogins(name, this.clock.instant().plus(lockout)) > 0) {
			this.authenticated.forgetAll();
			this.audit.record(AuditLog.SYSTEM, "ACCOUNT_LOCKED", name, Outcome.SUCCESS, UserAccount.MAX_FAILED_LOGINS
					+ " wrong passwords in a row; locked for " + lockout.toMinutes() + " minutes");
		}
	}

	/**
	 * Who an enabled, unlocked user's token authenticates; notes when it was used. A
	 * token seen in the last seconds is answered from memory (see
	 * {@link AuthenticatedTokens}), without a transaction.
	 */
	public Optional<AuthenticatedTokens.Bearer> authenticateToken(String value) {
		String hash = TokenValues.hash(value);
		Instant now = this.clock.instant();
		Optional<AuthenticatedTokens.Bearer> recent = this.authenticated.find(hash, now);
		if (recent.isPresent()) {
			return recent;
		}
		Optional<ApiToken> found = this.tokens.findByTokenHash(hash)
			.filter((token) -> token.getUser().isEnabled() && !token.getUser().isLocked(now));
		found.ifPresent((token) -> {
			if (token.getLastUsedAt() == null || token.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
				this.tokens.noteUse(token.getId(), now);
			}
		});
		Optional<AuthenticatedTokens.Bearer> bearer = found
			.map((token) -> new AuthenticatedTokens.Bearer(token.getUser().getName(),
					Set.copyOf(token.getUser().getRoles())));
		bearer.ifPresent((each) -> this.authenticated.remember(hash, each, now));
		return bearer;
	}

	/**
	 * Makes sure the user's token of this name has exactly this value (bootstrap for
	 * automation). A changed value replaces the old token, which stops working.
	 */
	@Transactional
	public void ensureToken(String userName, String tokenName, String value) {
		String hash = TokenValues.hash(value);
		if (this.tokens.findByTokenHash(hash).isPresent()) {
			return;
		}
		UserAccount user = find(userName);
		this.tokens.findByUserOrderByCreatedAtDesc(user)
			.stream()
			.filter((token) -> token.getName().equals(tokenName))
			.forEach((old) -> {
				this.tokens.delete(old);
				this.authenticated.forgetAll();
				this.audit.record(AuditLog.SYSTEM, "TOKEN_REVOKED", userName + "/" + tokenName, Outcome.SUCCESS,
						"replaced by a new PODCOMPOSER_ADMIN_TOKEN");
			});
		this.tokens.save(new ApiToken(user, tokenName, hash, this.clock.instant()));
		this.audit.record(AuditLog.SYSTEM, "TOKEN_CREATED", userName + "/" + tokenName, Outcome.SUCCESS,
				"from PODCOMPOSER_ADMIN_TOKEN");
	}

	@Transactional(readOnly = true)
	public boolean hasUsers() {
		return this.users.count() > 0;
	}

	private void requireAnotherAdmin(UserAccount user) {
		boolean another = this.users.findAll()
			.stream()
			.anyMatch((other) -> !other.getId().equals(user.getId()) && other.isEnabled()
					&& other.getRoles().contains(Role.ADMIN));
		if (!another) {
			throw new AccountException(Kind.CONFLICT, user.getName() + " is the last enabled admin");
		}
	}

	private String encode(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw new AccountException(new FieldProblem("password",
					"a password needs at least " + MIN_PASSWORD_LENGTH + " characters", "minLength"));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new AccountException(
					new FieldProblem(
							"password", "a password has at most " + MAX_PASSWORD_BYTES + " bytes (in UTF-8): "
									+ MAX_PASSWORD_BYTES + " letters of the Latin alphabet, fewer of others",
							"maxLength"));
		}
		return this.passwords.encode(password);
	}

	private static Set<Role> validRoles(Collection<Role> roles) {
		if (roles == null || roles.isEmpty() || roles.stream().anyMatch(Objects::isNull)) {
			throw new AccountException(new FieldProblem("roles",
					"a user needs at least one role: VIEWER, EDITOR, DEPLOYER or ADMIN", "required"));
		}
		return EnumSet.copyOf(roles);
	}

	private UserAccount find(String name) {
		return this.users.findByName(name)
			.orElseThrow(() -> new AccountException(Kind.NOT_FOUND, "no user named " + name));
	}

	private UserView view(UserAccount user) {
		return new UserView(user.getName(), user.getRoles(), user.isEnabled(), user.isLocked(this.clock.instant()),
				user.getCreatedAt());
	}

}
