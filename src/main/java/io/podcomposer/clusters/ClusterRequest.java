package io.podcomposer.clusters;

/** The body of {@code POST /api/v1/clusters}; context is optional. */
record ClusterRequest(String name, String kubeconfig, String context) {

	/** Names no value: the kubeconfig holds the credentials. */
	@Override
	public String toString() {
		return "ClusterRequest[name=" + this.name + ", context=" + this.context + "]";
	}

}
