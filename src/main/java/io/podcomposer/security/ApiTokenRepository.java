package io.podcomposer.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	/** Every API call asks this: the token, its user and the user's roles in one query, not three. */
	@EntityGraph(attributePaths = { "user", "user.roles" })
	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserOrderByCreatedAtDesc(UserAccount user);

	Optional<ApiToken> findByIdAndUser(Long id, UserAccount user);

}
