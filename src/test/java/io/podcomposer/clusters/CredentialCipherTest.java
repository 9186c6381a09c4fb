package io.podcomposer.clusters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CredentialCipherTest {

	private static final byte[] SECRET = "a-bearer-token".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dataDir;

	@Test
	void aValueComesBackAndIsNeverSealedTheSameWayTwice() {
		CredentialCipher cipher = new CredentialCipher("", this.dataDir);

		byte[] first = cipher.encrypt(SECRET);
		byte[] second = cipher.encrypt(SECRET);

		assertThat(cipher.decrypt(first)).isEqualTo(SECRET);
		assertThat(first).isNotEqualTo(second).hasSize(12 + SECRET.length + 16);
		assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("a-bearer-token");
	}

	@Test
	void aChangedValueIsRefused() {
		CredentialCipher cipher = new CredentialCipher("", this.dataDir);
		byte[] sealed = cipher.encrypt(SECRET);
		sealed[sealed.length - 20] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed))
			.withMessageContaining("were changed");
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(new byte[5]))
			.withMessageContaining("too short");
	}

	@Test
	void theGeneratedKeyIsOwnerOnlyAndReusedOnTheNextStart() throws IOException {
		byte[] sealed = new CredentialCipher("", this.dataDir).encrypt(SECRET);
		Path keyFile = this.dataDir.resolve(CredentialCipher.KEY_FILE);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(Base64.getDecoder().decode(Files.readString(keyFile))).hasSize(32);
		assertThat(new CredentialCipher("", this.dataDir).decrypt(sealed)).isEqualTo(SECRET);
	}

	@Test
	void theConfiguredKeyIsUsedAndNoFileIsMade() {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		byte[] sealed = new CredentialCipher(key, this.dataDir).encrypt(SECRET);

		assertThat(this.dataDir.resolve(CredentialCipher.KEY_FILE)).doesNotExist();
		assertThat(new CredentialCipher(key, this.dataDir).decrypt(sealed)).isEqualTo(SECRET);
		assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher("", this.dataDir).decrypt(sealed))
			.withMessageContaining("another key");
	}

	@Test
	void aConfiguredKeyOfTheWrongLengthStopsTheStart() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

		assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher(shortKey, this.dataDir))
			.withMessageContaining("PODCOMPOSER_SECRET_KEY must be 32 bytes in base64; it is 16 bytes");
		assertThatIllegalStateException().isThrownBy(() -> new CredentialCipher("not base64!", this.dataDir))
			.withMessageContaining("must be base64");
	}

}
