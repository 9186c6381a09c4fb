package io.podcomposer.security;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Append and read: the audit log offers no way to change or remove an entry. */
interface AuditRepository extends Repository<AuditEntry, Long> {

	AuditEntry save(AuditEntry entry);

	long count();

	/** Newest first; a blank filter matches everything. */
	@Query("""
			select e from AuditEntry e
			where (:actor = '' or e.actor = :actor) and (:action = '' or e.action = :action)
			order by e.at desc, e.id desc""")
	Page<AuditEntry> search(@Param("actor") String actor, @Param("action") String action, Pageable pageable);

	/** The actions recorded so far, for the audit page's filter. */
	@Query("select distinct e.action from AuditEntry e order by e.action")
	List<String> actions();

	/** The actors recorded so far, for the audit page's filter. */
	@Query("select distinct e.actor from AuditEntry e order by e.actor")
	List<String> actors();

}
