package io.podcomposer.deploy;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.podcomposer.deploy.HealthReader.ObjectKey;
import io.podcomposer.system.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The deployment records as the history shows them: newest first or by object, each with
 * its object's health, and one in detail with its live state.
 */
@Service
public class Deployments {

	/** The most deploys of one object listed under it. */
	static final int MAX_DEPLOYS_SHOWN = 10;

	/**
	 * The statuses of a record that put its object in the cluster (and, for Deleted, took
	 * it out since).
	 */
	private static final List<DeployStatus> APPLIED_ONCE = List.of(DeployStatus.Applied, DeployStatus.Deleted);

	private static final Health NEVER_APPLIED = Health.missing("NeverApplied", "No deploy of it was applied.");

	private final DeploymentRecordRepository records;

	private final DeploymentLookup lookup;

	private final LiveStates liveStates;

	private final HealthReader healthReader;

	Deployments(DeploymentRecordRepository records, DeploymentLookup lookup, LiveStates liveStates,
			HealthReader healthReader) {
		this.records = records;
		this.lookup = lookup;
		this.liveStates = liveStates;
		this.healthReader = healthReader;
	}

	/**
	 * Newest first, optionally only of one template or one cluster; each record with its
	 * object's health.
	 */
	public HistoryPage history(Long templateId, Long clusterId, int page, int size) {
		PageRequest request = Paging.of(page, size);
		org.springframework.data.domain.Page<DeploymentRecord> found = this.records.search(templateId, clusterId,
				request);
		Map<ObjectKey, Optional<DeploymentRecord>> current = new HashMap<>();
		found.forEach((record) -> current.computeIfAbsent(ObjectKey.of(record), (key) -> current(record)));
		Map<ObjectKey, Health> health = health(current.values());
		List<HistoryItem> items = found.map((record) -> {
			ObjectKey key = ObjectKey.of(record);
			return new HistoryItem(DeploymentView.of(record), health.getOrDefault(key, NEVER_APPLIED),
					replacedBy(record, current.get(key)));
		}).getContent();
		return new HistoryPage(items, request.getPageNumber(), request.getPageSize(), found.getTotalElements());
	}

	/** One page of the history. */
	public record HistoryPage(List<HistoryItem> items, int page, int size, long total) {
	}

	/**
	 * A record with the health of its object now and, when a newer deploy of the object
	 * replaced it, that deploy's id.
	 */
	public record HistoryItem(@JsonUnwrapped DeploymentView deployment, Health health, Long replacedBy) {
	}

	/**
	 * One page of the deployed objects, the most recently deployed first: each once, with
	 * its health and its deploys.
	 */
	public ObjectsPage objects(Long templateId, Long clusterId, int page, int size) {
		PageRequest request = Paging.of(page, size);
		org.springframework.data.domain.Page<Long> newest = this.records.newestOfEachObject(templateId, clusterId,
				request);
		List<DeploymentRecord> latest = new ArrayList<>(this.records.findAllById(newest.getContent()));
		latest.sort(Comparator.comparing(DeploymentRecord::getId).reversed());
		Map<ObjectKey, Optional<DeploymentRecord>> current = new HashMap<>();
		latest.forEach((record) -> current.put(ObjectKey.of(record), current(record)));
		Map<ObjectKey, Health> health = health(current.values());
		List<DeployedObject> objects = new ArrayList<>();
		for (DeploymentRecord record : latest) {
			ObjectKey key = ObjectKey.of(record);
			List<DeploymentRecord> deploys = this.records.findByClusterIdAndNamespaceAndKindAndNameOrderByIdDesc(
					record.getClusterId(), record.getNamespace(), record.getKind(), record.getName(),
					PageRequest.of(0, MAX_DEPLOYS_SHOWN + 1));
			objects.add(new DeployedObject(health.getOrDefault(key, NEVER_APPLIED),
					current.get(key).map(DeploymentView::of).orElse(null),
					deploys.stream().limit(MAX_DEPLOYS_SHOWN).map(DeploymentView::of).toList(),
					deploys.size() > MAX_DEPLOYS_SHOWN));
		}
		return new ObjectsPage(objects, request.getPageNumber(), request.getPageSize(), newest.getTotalElements());
	}

	/** One page of the deployed objects. */
	public record ObjectsPage(List<DeployedObject> items, int page, int size, long total) {
	}

	/**
	 * An object deployed to a cluster: its health, the deploy that put it there as it is
	 * now (null when none was applied), and its newest deploys, newest first
	 * ({@code more} when there are older ones).
	 */
	public record DeployedObject(Health health, DeploymentView current, List<DeploymentView> deploys, boolean more) {

		/** The newest deploy: it names the object and where it is. */
		public DeploymentView latest() {
			return this.deploys.get(0);
		}

		/**
		 * The record to open for the object: the one that put it there, else the newest.
		 */
		public DeploymentView shown() {
			return (this.current != null) ? this.current : latest();
		}

	}

	/**
	 * The templates deployed so far, A to Z, also those deleted since: what the history
	 * filters by.
	 */
	public List<DeploymentRecordRepository.Named> deployedTemplates() {
		return this.records.deployedTemplates();
	}

	/** The clusters deployed to so far, A to Z, also those removed since. */
	public List<DeploymentRecordRepository.Named> deployedToClusters() {
		return this.records.deployedToClusters();
	}

	public DeploymentView get(long id) {
		return DeploymentView.of(this.lookup.find(id));
	}

	/**
	 * A record, the health of its object, the newer deploy that replaced it if one did,
	 * and the object's live state; the object is read once for both.
	 */
	public Detail detail(long id) {
		DeploymentRecord record = this.lookup.find(id);
		Optional<DeploymentRecord> current = current(record);
		LiveStates.Reading reading = this.liveStates.read(record);
		Health health = (reading.health() != null) ? reading.health()
				: health(List.of(current)).getOrDefault(ObjectKey.of(record), NEVER_APPLIED);
		List<DeploymentView> deploys = this.records
			.findByClusterIdAndNamespaceAndKindAndNameOrderByIdDesc(record.getClusterId(), record.getNamespace(),
					record.getKind(), record.getName(), PageRequest.of(0, MAX_DEPLOYS_SHOWN))
			.stream()
			.map(DeploymentView::of)
			.toList();
		return new Detail(DeploymentView.of(record), health, replacedBy(record, current),
				current.map(DeploymentRecord::getId).orElse(null), reading.live(), deploys);
	}

	/**
	 * A record with its object's health and live state; {@code replacedBy} is the id of
	 * the newer deploy that put the object there as it is now, when there is one;
	 * {@code currentId} the id of the deploy that did (perhaps this one; null when none
	 * was applied); {@code deploys} the object's newest deploys.
	 */
	public record Detail(DeploymentView deployment, Health health, Long replacedBy, Long currentId, LiveState live,
			List<DeploymentView> deploys) {
	}

	/**
	 * The deploy that put the object there as it is now: its newest applied (or since
	 * deleted) record.
	 */
	private Optional<DeploymentRecord> current(DeploymentRecord record) {
		return this.records.findFirstByClusterIdAndNamespaceAndKindAndNameAndStatusInOrderByIdDesc(
				record.getClusterId(), record.getNamespace(), record.getKind(), record.getName(), APPLIED_ONCE);
	}

	private static Long replacedBy(DeploymentRecord record, Optional<DeploymentRecord> current) {
		return current.filter((newer) -> newer.getId() > record.getId()).map(DeploymentRecord::getId).orElse(null);
	}

	/**
	 * The health of objects by their current records: read from the clusters for those
	 * applied, Deleted for those deleted through the portal, Missing where nothing was
	 * ever applied.
	 */
	private Map<ObjectKey, Health> health(Collection<Optional<DeploymentRecord>> currents) {
		List<DeploymentRecord> applied = currents.stream()
			.flatMap(Optional::stream)
			.filter((record) -> record.getStatus() == DeployStatus.Applied)
			.toList();
		Map<ObjectKey, Health> health = new HashMap<>(this.healthReader.read(applied));
		for (Optional<DeploymentRecord> current : currents) {
			current.filter((record) -> record.getStatus() == DeployStatus.Deleted)
				.ifPresent((record) -> health.put(ObjectKey.of(record), deleted(record)));
		}
		return health;
	}

	private static Health deleted(DeploymentRecord record) {
		return Health.deleted("Deleted through the portal by " + record.getDeletedBy() + " at "
				+ record.getDeletedAt().truncatedTo(ChronoUnit.SECONDS) + ".");
	}

	/**
	 * Where the template's objects are now: the newest applied or since deleted deploy of
	 * each object, newest first, with the object's health, read as the history reads it.
	 */
	public List<PlacedObject> runningNow(long templateId) {
		Map<ObjectKey, DeploymentRecord> byObject = new LinkedHashMap<>();
		for (DeploymentRecord record : this.records.findByTemplateIdAndStatusInOrderByIdDesc(templateId,
				APPLIED_ONCE)) {
			byObject.putIfAbsent(ObjectKey.of(record), record);
		}
		Map<ObjectKey, Health> health = health(byObject.values().stream().map(Optional::of).toList());
		return byObject.entrySet()
			.stream()
			.map((object) -> new PlacedObject(DeploymentView.of(object.getValue()),
					health.getOrDefault(object.getKey(), NEVER_APPLIED)))
			.toList();
	}

	/**
	 * An object a template put in a cluster: the deploy that put it there as it is (or
	 * deleted it), and its health.
	 */
	public record PlacedObject(DeploymentView deploy, Health health) {

		/**
		 * Whether the object is meant to be in its cluster: not deleted through the
		 * portal.
		 */
		public boolean inCluster() {
			return this.deploy.status() == DeployStatus.Applied;
		}

	}

}
