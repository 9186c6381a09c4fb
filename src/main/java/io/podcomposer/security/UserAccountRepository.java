package io.podcomposer.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	Optional<UserAccount> findByName(String name);

	List<UserAccount> findAllByOrderByNameAsc();

	boolean existsByName(String name);

}
