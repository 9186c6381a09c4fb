package io.podcomposer.clusters;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClusterRepository extends JpaRepository<Cluster, Long> {

	boolean existsByName(String name);

	Optional<Cluster> findByName(String name);

	List<Cluster> findAllByOrderByNameAsc();

}
