package io.podcomposer.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHash(String tokenHash);

	List<ApiToken> findByUserOrderByCreatedAtDesc(UserAccount user);

	Optional<ApiToken> findByIdAndUser(Long id, UserAccount user);

}
