package dev.camelextend.client;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.apache.hc.core5.net.InetAddressUtils;

/**
 * Whether a host is this machine: the one rule behind the warning on a plain-http base URL and the https-only fetch of
 * a webhook's signed payload URL (plain http is let through to loopback only, for tests and local simulators).
 */
public final class Hosts {

    private Hosts() {
    }

    /**
     * Decided on what the host is, not how its name starts ({@code 127.evil.com} is a name like any other). An IP
     * literal is loopback when its address is; of names only {@code localhost} is, by RFC 6761. No name is resolved:
     * that would cost a DNS lookup and prove nothing about the next one.
     */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if ("localhost".equalsIgnoreCase(h)) {
            return true;
        }
        if (InetAddressUtils.isIPv4Address(h) || InetAddressUtils.isIPv6Address(h)) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, not looked up
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
