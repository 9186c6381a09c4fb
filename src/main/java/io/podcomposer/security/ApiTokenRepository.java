package io.podcomposer.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	/**
	 * Every API call asks this: the token, its user and the user's roles in one query,
	 * not three.
	 */
	@EntityGraph(attributePaths = { "user", "user.roles" })
	Optional<ApiToken> findByTokenHash(String tokenHash);

	@Transactional
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = :usedAt where t.id = :id")
	void noteUse(Long id, Instant usedAt);

	List<ApiToken> findByUserOrderByCreatedAtDesc(UserAccount user);

	Optional<ApiToken> findByIdAndUser(Long id, UserAccount user);

}
