package io.podcomposer.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByName(String name);

	List<UserAccount> findAllByOrderByNameAsc();

	boolean existsByName(String name);

	/** Forgets a lockout that has ended, and the failures that led to it. */
	@Transactional
	@Modifying
	@Query("update UserAccount u set u.failedLogins = 0, u.lockedUntil = null"
			+ " where u.name = :name and u.lockedUntil <= :now")
	int endLockout(String name, Instant now);

	/**
	 * Counts a sign-in attempt before its password is checked. The update holds the row
	 * until the transaction ends, so that parallel attempts each see a count of their
	 * own.
	 */
	@Transactional
	@Modifying(clearAutomatically = true)
	@Query("update UserAccount u set u.failedLogins = u.failedLogins + 1 where u.name = :name")
	int countLoginAttempt(String name);

	@Transactional
	@Modifying
	@Query("update UserAccount u set u.failedLogins = 0, u.lockedUntil = null where u.name = :name")
	int loginSucceeded(String name);

	/**
	 * Locks an account whose count reached the limit and that is not locked yet: 1 if
	 * this call locked it.
	 */
	@Transactional
	@Modifying
	@Query("update UserAccount u set u.lockedUntil = :until where u.name = :name and u.failedLogins >= "
			+ UserAccount.MAX_FAILED_LOGINS + " and u.lockedUntil is null")
	int lockAfterFailedLogins(String name, Instant until);

}
