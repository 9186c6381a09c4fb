package io.podcomposer.compose;

import java.util.ArrayList;
import java.util.List;

import io.podcomposer.compose.ContainerSection.ContainerForm;
import io.podcomposer.compose.ObjectSection.WorkloadForm;
import io.podcomposer.compose.PodSection.PodForm;
import io.podcomposer.compose.VolumeSection.NewVolumeForm;
import io.podcomposer.compose.VolumeSection.VolumeForm;

/**
 * What the composer's form shows and sends back: the fields a person edits, as typed.
 * <p>
 * List indexes are the indexes of the items in the manifest the form was drawn from; a
 * row the browser removed leaves a gap, and a row it added arrives past the end. The
 * binder fills a gap with an empty row, whose always-present input is {@code null}: see
 * {@link Row#sent()}. Text areas named {@code otherYaml} hold the fields the form has no
 * inputs for, as YAML. Each part of the form has one home that holds its inputs, reading,
 * applying and known fields: {@link ObjectSection}, {@link PodSection},
 * {@link ContainerSection}, {@link ProbeSection} and {@link VolumeSection}. Public
 * fields: the binder writes them directly and the templates read them.
 */
public class ComposeForm {

	/** The output kind; null keeps the kind of the manifest the form was drawn from. */
	public String kind;

	public String name;

	public String namespace;

	public List<KeyValue> labels = new ArrayList<>();

	public List<KeyValue> annotations = new ArrayList<>();

	public WorkloadForm workload = new WorkloadForm();

	public PodForm pod = new PodForm();

	public List<ContainerForm> initContainers = new ArrayList<>();

	public List<ContainerForm> containers = new ArrayList<>();

	public List<VolumeForm> volumes = new ArrayList<>();

	/**
	 * The "add a volume" row: a new volume and the containers to mount it into, in one
	 * step.
	 */
	public NewVolumeForm newVolume = new NewVolumeForm();

	/** A row of a list the browser can add to and remove from. */
	public interface Row {

		/**
		 * Whether the row was in the form: its always-present input arrived, empty or
		 * not.
		 */
		boolean sent();

	}

	public static class KeyValue implements Row {

		public String key;

		public String value;

		public KeyValue() {
		}

		public KeyValue(String key, String value) {
			this.key = key;
			this.value = value;
		}

		@Override
		public boolean sent() {
			return this.key != null;
		}

	}

}
