package org.groundgame.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses: DNS, or a fixed table in tests. */
@FunctionalInterface
interface HostResolver {

	HostResolver SYSTEM = InetAddress::getAllByName;

	InetAddress[] resolve(String host) throws UnknownHostException;

}
