package io.podcomposer.clusters;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClusterRepository extends JpaRepository<Cluster, Long> {

	boolean existsByName(String name);

	List<Cluster> findAllByOrderByNameAsc();

}
