#!/usr/bin/env bash
# Builds what is needed and starts the whole of Ground Game on this machine with nothing but a
# JDK 21+: the in-process Kafka broker and MongoDB-wire store (data under ./.ground-game), the four
# services and the gateway, plus demo data. Ctrl-C stops everything.
#
#   ./run-local.sh            start (building first if a source changed since the last build)
#   ./run-local.sh --help     the options (ports, data folder, ...)
#
# See local-platform/README.md.
set -euo pipefail

cd "$(dirname "$0")"

REQUIRED_JAVA=21
MODULES=(endorsement-service volunteer-service campaign-training-service notification-service identity-service web gateway local-platform)

# The major version of a java executable (8 for 1.8.0_402, 21 for 21.0.7, 25 for 25).
java_major() {
	local version
	version=$("$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
	case "$version" in
		1.*) version=${version#1.} ;;
	esac
	version=${version%%[.+-]*}
	[[ "$version" =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

# A JDK's home if it holds java and javac of version 21 or newer.
usable_jdk() {
	local home=$1
	[[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
	(($(java_major "$home/bin/java") >= REQUIRED_JAVA))
}

find_jdk() {
	local candidate best="" best_major=0 major
	if [[ -n "${JAVA_HOME:-}" ]]; then
		if usable_jdk "$JAVA_HOME"; then
			echo "$JAVA_HOME"
			return
		fi
		echo "JAVA_HOME ($JAVA_HOME) is not a JDK $REQUIRED_JAVA or newer; looking elsewhere." >&2
	fi
	if command -v java >/dev/null 2>&1; then
		candidate=$(command -v java)
		candidate=$(cd "$(dirname "$candidate")" && pwd -P)/$(basename "$candidate")
		# Follow symbolic links (e.g. /usr/bin/java -> /etc/alternatives/java -> .../bin/java).
		while [[ -L "$candidate" ]]; do
			local target
			target=$(readlink "$candidate")
			[[ "$target" == /* ]] || target=$(dirname "$candidate")/$target
			candidate=$target
		done
		candidate=$(dirname "$(dirname "$candidate")")
		if usable_jdk "$candidate"; then
			echo "$candidate"
			return
		fi
	fi
	for candidate in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
		if usable_jdk "$candidate"; then
			major=$(java_major "$candidate/bin/java")
			if ((major > best_major)); then
				best=$candidate
				best_major=$major
			fi
		fi
	done
	[[ -n "$best" ]] && echo "$best"
}

JDK=$(find_jdk || true)
if [[ -z "$JDK" ]]; then
	cat >&2 <<EOF
Ground Game needs a JDK $REQUIRED_JAVA or newer (java and javac), and none was found in JAVA_HOME,
on the PATH, under /usr/lib/jvm or under /Library/Java/JavaVirtualMachines.
Install one (e.g. Eclipse Temurin from https://adoptium.net) or point JAVA_HOME at it, then run
./run-local.sh again.
EOF
	exit 1
fi
export JAVA_HOME=$JDK

# Whether a jar is missing or a source or build file changed since the oldest jar was built.
needs_build() {
	local module oldest=""
	for module in "${MODULES[@]}"; do
		local jar=$module/target/$module.jar
		[[ -f "$jar" ]] || return 0
		if [[ -z "$oldest" || "$jar" -ot "$oldest" ]]; then
			oldest=$jar
		fi
	done
	[[ -n "$(find . -path ./.ground-game -prune -o -path '*/target' -prune -o \
		\( -name pom.xml -o -path '*/src/main/*' -o -path './.mvn/*' \) -newer "$oldest" -print 2>/dev/null | head -n 1)" ]]
}

wants_help=false
for argument in "$@"; do
	[[ "$argument" == "-h" || "$argument" == "--help" ]] && wants_help=true
done

if needs_build && ! { $wants_help && [[ -f local-platform/target/local-platform.jar ]]; }; then
	echo "Building Ground Game with $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) (tests skipped; ./mvnw verify runs them)..."
	started=$SECONDS
	./mvnw -q -B -DskipTests -Dspring-javaformat.validate.skip=true package
	echo "Built in $((SECONDS - started)) s."
fi

JAVA_OPTIONS=()
# The in-process Kafka broker still frees its memory maps through sun.misc.Unsafe, which JDK 24+ warns about.
if (($(java_major "$JAVA_HOME/bin/java") >= 23)); then
	JAVA_OPTIONS+=(--sun-misc-unsafe-memory-access=allow)
fi

exec "$JAVA_HOME/bin/java" ${JAVA_OPTIONS[@]+"${JAVA_OPTIONS[@]}"} -jar local-platform/target/local-platform.jar "$@"
