# Sourced by trawl's scripts: finds a JDK 22+ for the build and makes sure the system packages the
# project needs are installed. Installs them with apt-get when run as root; otherwise prints the command.

trawl_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

trawl_java_version() { # prints the feature version of the java binary in $1/bin
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}

trawl_find_jdk() {
    local candidate version
    for candidate in "${TRAWL_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25* \
            /usr/lib/jvm/*24* /usr/lib/jvm/*23* /usr/lib/jvm/*22* /usr/lib/jvm/*; do
        [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
        version=$(trawl_java_version "$candidate")
        if [ -n "$version" ] && [ "${version%%.*}" -ge 22 ] 2>/dev/null; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

if ! JAVA_HOME=$(trawl_find_jdk); then
    echo "trawl needs a JDK 22 or newer to build (JDK 25 recommended); none was found in JAVA_HOME or /usr/lib/jvm." >&2
    echo "Install one, e.g. 'apt-get install temurin-25-jdk' from the Adoptium repository, or set TRAWL_JAVA_HOME." >&2
    exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# Packages: libpcap (runtime and headers), the reference tools used as test oracles, iproute2 for the
# network namespaces of the live tests, Maven and gcc for the build and the C baselines, python3 for
# the frame injector some live tests run inside a namespace, time for the benchmarks' whole-process timings.
trawl_packages=(libpcap0.8 libpcap-dev tcpdump tshark iproute2 maven gcc python3 time)

trawl_missing_packages() {
    local pkg
    for pkg in "${trawl_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
    done
}

trawl_install_packages() {
    local missing
    missing=$(trawl_missing_packages | tr '\n' ' ')
    [ -z "${missing// /}" ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "trawl: installing $missing" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
    else
        echo "trawl needs these packages: $missing" >&2
        echo "Install them with: sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y $missing" >&2
        return 1
    fi
}
