package io.podcomposer.clusters;

import tools.jackson.databind.json.JsonMapper;

/**
 * The secret part of a cluster's access, kept only encrypted. Only the fields of its
 * {@link AuthKind} are set. {@code toString} names no value, so that it cannot end up in a log.
 */
public record Credentials(AuthKind kind, String token, String clientCertificateData, String clientKeyData,
		String username, String password) {

	static Credentials token(String token) {
		return new Credentials(AuthKind.TOKEN, token, null, null, null, null);
	}

	static Credentials clientCertificate(String certificateData, String keyData) {
		return new Credentials(AuthKind.CLIENT_CERTIFICATE, null, certificateData, keyData, null, null);
	}

	static Credentials basic(String username, String password) {
		return new Credentials(AuthKind.BASIC, null, null, null, username, password);
	}

	byte[] toJson() {
		return JsonMapper.shared().writeValueAsBytes(this);
	}

	static Credentials fromJson(byte[] json) {
		return JsonMapper.shared().readValue(json, Credentials.class);
	}

	@Override
	public String toString() {
		return "Credentials[" + this.kind + "]";
	}

}
