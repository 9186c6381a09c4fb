package io.podcomposer.deploy;

import org.springframework.data.jpa.repository.JpaRepository;

interface LastTargetRepository extends JpaRepository<LastTarget, String> {

}
