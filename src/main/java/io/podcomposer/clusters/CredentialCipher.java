package io.podcomposer.clusters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts cluster credentials at rest with AES-256-GCM: a random 12-byte IV per value,
 * stored in front of the ciphertext. The key is {@code PODCOMPOSER_SECRET_KEY} (base64,
 * 32 bytes), or one generated once into the data directory, readable only by the portal's
 * user.
 */
@Component
public class CredentialCipher {

	static final String KEY_FILE = "secret.key";

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	CredentialCipher(@Value("${PODCOMPOSER_SECRET_KEY:}") String configuredKey,
			@Value("${podcomposer.data-dir}") Path dataDirectory) {
		this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFile(dataDirectory) : decode(configuredKey), "AES");
	}

	/** The IV followed by the ciphertext and its tag. */
	public byte[] encrypt(byte[] plain) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the value was changed or sealed with another key
	 */
	public byte[] decrypt(byte[] stored) {
		if (stored.length <= IV_BYTES) {
			throw new IllegalStateException("The stored credentials are too short to have been encrypted here.");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
			return cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException(
					"The stored credentials were changed, or encrypted with another key than PODCOMPOSER_SECRET_KEY or "
							+ KEY_FILE + ".",
					ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static byte[] decode(String configuredKey) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configuredKey.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("PODCOMPOSER_SECRET_KEY must be base64 (of 32 random bytes).");
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("PODCOMPOSER_SECRET_KEY must be 32 bytes in base64; it is " + key.length
					+ " bytes. Make one with: openssl rand -base64 32");
		}
		return key;
	}

	/** The key in the data directory, made on first start with owner-only permissions. */
	private static byte[] keyFile(Path dataDirectory) {
		Path file = dataDirectory.resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[KEY_BYTES];
				RANDOM.nextBytes(key);
				try {
					// created with its permissions, so that it is never readable by
					// others, even for a moment
					Files.createFile(file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(key));
					return key;
				}
				catch (FileAlreadyExistsException raced) {
					// another start made it first: read theirs
				}
			}
			return decodeFile(file, Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the encryption key " + file, ex);
		}
	}

	private static byte[] decodeFile(Path file, String text) {
		try {
			byte[] key = Base64.getDecoder().decode(text.trim());
			if (key.length == KEY_BYTES) {
				return key;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw new IllegalStateException("The encryption key " + file + " is not 32 bytes in base64.");
	}

}
