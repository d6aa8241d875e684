package dev.uip.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;

/**
 * The gateway's key pair for signing service tokens, made once per installation: {@code ./uip up} runs this with its
 * data directory, so no key ever ships with the code. Writes {@code jwt-private.pem} (PKCS#8, owner-only) and
 * {@code jwt-public.pem} (X.509) unless both exist.
 */
public final class SigningKeys {

    /** File name of the private key. */
    public static final String PRIVATE_PEM = "jwt-private.pem";
    /** File name of the public key. */
    public static final String PUBLIC_PEM = "jwt-public.pem";

    private SigningKeys() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 1) {
            System.err.println("usage: SigningKeys <directory>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (ensure(dir)) {
            System.out.println("signing keys made in " + dir);
        }
    }

    /** Makes the pair in {@code dir} unless both files exist; true when it made them. */
    public static boolean ensure(Path dir) throws IOException, GeneralSecurityException {
        Path privatePem = dir.resolve(PRIVATE_PEM);
        Path publicPem = dir.resolve(PUBLIC_PEM);
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return false;
        }
        Files.createDirectories(dir);
        KeyPair pair = newPair();
        Files.deleteIfExists(privatePem);
        Files.createFile(privatePem,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(dir, Set.copyOf(PosixFilePermissions.fromString("rwx------")));
        return true;
    }

    /** A new RSA 2048 pair, as RS256 needs. */
    static KeyPair newPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The PEM text of a DER encoding. */
    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
