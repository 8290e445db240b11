package dev.camelextend.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who a call acts as: API key, base URL and workspace. Extend limits and authorises per account (and admins may cap a
 * workspace lower), so what is shared per account - the rate limiter, the health check - is keyed by this digest. A
 * SHA-256 digest, so the key itself is never held in (or printed from) a registry.
 */
public final class Accounts {

    private Accounts() {
    }

    /** Each part is length-prefixed (null marked apart from empty), so no two accounts can run together. */
    public static String digest(String apiKey, String baseUrl, String workspaceId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {apiKey, baseUrl, workspaceId}) {
                if (part == null) {
                    sha.update(new byte[] {-1, -1, -1, -1});
                } else {
                    byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                    int n = bytes.length;
                    sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
