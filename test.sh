#!/usr/bin/env bash
# The README's test command: the whole test suite, as CI runs it (`.ci/run` calls this), from a fresh
# clone. The tests start their own Kafka broker and MongoDB-wire server (in-process, or Testcontainers
# where a Docker engine answers); the browser tests drive Debian's Chromium through its chromedriver at
# /usr/bin (never a downloaded driver). So it needs a JDK 21+ (if the default java is older, a newer
# one is picked) and, when /usr/bin/chromium or /usr/bin/chromedriver is missing, installs Debian's
# `chromium` and `chromium-driver` with apt-get (as root, or with sudo), and Debian's `prometheus` (for promtool)
# when promtool is missing. Arguments go to Maven:
#   ./test.sh -pl end-to-end-tests -am -Dit.test=BrowserJourneyTests
set -euo pipefail
cd "$(dirname "$0")"

java_major() {
	"$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

pick_jdk() {
	if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
		return
	fi
	if command -v java >/dev/null && [ "$(java_major java)" -ge 21 ]; then
		JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
		export JAVA_HOME
		return
	fi
	local best="" best_major=0 candidate major
	for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
		[ -x "$candidate/bin/javac" ] || continue
		major="$(java_major "$candidate/bin/java")"
		if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
			best="$candidate"
			best_major="$major"
		fi
	done
	if [ -z "$best" ]; then
		echo "No JDK 21 or newer found: install one or set JAVA_HOME." >&2
		exit 1
	fi
	export JAVA_HOME="$best"
}

# Installs Debian packages with apt-get, as root or with sudo, or stops saying what to install.
#   apt_install "<what needs them>" "<what is missing>" package...
apt_install() {
	local need=$1 missing=$2
	shift 2
	local as_root=()
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
			as_root=(sudo -n)
		else
			echo "$need need $missing: run 'sudo apt-get install $*' (or this script as root)." >&2
			exit 1
		fi
	fi
	if ! command -v apt-get >/dev/null; then
		echo "$need need $missing, and apt-get is not here to install Debian's $*: install them." >&2
		exit 1
	fi
	echo "Installing Debian's $* for $need"
	"${as_root[@]}" apt-get update -qq
	"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

ensure_browser() {
	if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
		return
	fi
	apt_install "The browser tests" "/usr/bin/chromium and /usr/bin/chromedriver" chromium chromium-driver
}

# observability/'s tests run promtool on the Prometheus rules and their unit tests: Debian's `prometheus` package
# has it. Its daemon is not wanted (the tests never start one); where the package's service does start, it
# listens on :9090, a port nothing of the platform or its tests uses.
ensure_promtool() {
	if command -v promtool >/dev/null; then
		return
	fi
	apt_install "The observability tests" "promtool" prometheus
}

pick_jdk
echo "Using JDK at $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1))"
ensure_browser
ensure_promtool
# Two modules at a time (-T 2): one module's tests leave much of a second core idle (its JVM
# waits on its broker, its store and its own consumers), and the modules after service-support
# depend on each other only through it. Every module has its own broker, store and free ports.
exec ./mvnw -B -ntp -T 2 verify "$@"
