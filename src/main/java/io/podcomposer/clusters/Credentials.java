package io.podcomposer.clusters;

import io.podcomposer.kube.ExecCredentialPlugin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The secret part of a cluster's access, kept only encrypted. Only the fields of its
 * {@link AuthKind} are set; a service account's are none, as its token is read from its
 * file. {@code toString} names no value, so that it cannot end up in a log.
 */
public record Credentials(AuthKind kind, String token, String clientCertificateData, String clientKeyData,
		String username, String password, ExecCredentialPlugin.Command exec) {

	static Credentials token(String token) {
		return new Credentials(AuthKind.TOKEN, token, null, null, null, null, null);
	}

	static Credentials clientCertificate(String certificateData, String keyData) {
		return new Credentials(AuthKind.CLIENT_CERTIFICATE, null, certificateData, keyData, null, null, null);
	}

	static Credentials basic(String username, String password) {
		return new Credentials(AuthKind.BASIC, null, null, null, username, password, null);
	}

	static Credentials exec(ExecCredentialPlugin.Command command) {
		return new Credentials(AuthKind.EXEC, null, null, null, null, null, command);
	}

	static Credentials serviceAccount() {
		return new Credentials(AuthKind.SERVICE_ACCOUNT, null, null, null, null, null, null);
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
