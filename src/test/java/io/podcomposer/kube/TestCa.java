package io.podcomposer.kube;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for one test run, as a cluster has its own: it signs the
 * fake API server's certificate for 127.0.0.1 and localhost, and gives its certificate as
 * PEM for the client.
 */
final class TestCa {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	private final KeyPair keys;

	private final X500Name subject;

	private final X509Certificate certificate;

	TestCa(String name) {
		try {
			this.keys = newKeyPair();
			this.subject = new X500Name("CN=" + name);
			X509v3CertificateBuilder builder = builder(subject, subject, keys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
				.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			this.certificate = sign(builder, keys);
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make a test CA", ex);
		}
	}

	/**
	 * The CA certificate as a kubeconfig's certificate-authority-data holds it, before
	 * base64.
	 */
	String certificatePem() {
		return pem(certificate);
	}

	private static String pem(Object object) {
		StringWriter out = new StringWriter();
		try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
			pem.writeObject(object);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	/**
	 * A client certificate and its key, both PEM, as a kubeconfig user's *-data fields
	 * hold them.
	 */
	ClientCertificate issueClientCertificate(String user) {
		try {
			KeyPair clientKeys = newKeyPair();
			X509v3CertificateBuilder builder = builder(new X500Name("CN=" + user), subject, clientKeys)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			// PKCS#8: BouncyCastle writes an EC key in SEC1 form without its public key,
			// which client-java cannot read
			return new ClientCertificate(pem(sign(builder, keys)),
					pem(new JcaPKCS8Generator(clientKeys.getPrivate(), null)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make a client certificate", ex);
		}
	}

	record ClientCertificate(String certificatePem, String keyPem) {
	}

	/**
	 * TLS for a server on the loopback interface, with a certificate this CA signed; it
	 * asks for, but does not require, a client certificate signed by this CA.
	 */
	SSLContext serverContext() {
		try {
			KeyPair serverKeys = newKeyPair();
			GeneralNames names = new GeneralNames(new GeneralName[] { new GeneralName(GeneralName.dNSName, "localhost"),
					new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()) });
			X509v3CertificateBuilder builder = builder(new X500Name("CN=fake-kube-apiserver"), subject, serverKeys)
				.addExtension(Extension.subjectAlternativeName, false, names)
				.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
			X509Certificate serverCertificate = sign(builder, keys);
			char[] password = "test".toCharArray();
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("server", serverKeys.getPrivate(), password,
					new X509Certificate[] { serverCertificate, certificate });
			KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keyManagers.init(store, password);
			KeyStore trusted = KeyStore.getInstance("PKCS12");
			trusted.load(null, null);
			trusted.setCertificateEntry("ca", certificate);
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(trusted);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot make the server certificate", ex);
		}
	}

	private static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static X509v3CertificateBuilder builder(X500Name subject, X500Name issuer, KeyPair subjectKeys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
				Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
				subjectKeys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys) throws Exception {
		ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate());
		return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
	}

}
