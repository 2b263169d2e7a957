#!/usr/bin/env bash
# Builds the base image of the alpr container as a `docker save` tarball, from the build machine's
# own JDK and libraries, for Jib's `tar://` base (profile `image`, see cli/pom.xml). It exists
# because the build machines reach no container registry: with one, build on a registry base
# instead (`-Djib.from.image=eclipse-temurin:17-jre`) and this script is not needed.
#
# Layer: a jlink'd Java 17 runtime in /opt/java/openjdk; the shared libraries it, FFmpeg (JavaCV)
# and ND4J/OpenBLAS load (glibc, libstdc++, libgomp, freetype, fontconfig and their dependencies,
# copied from this Debian/Ubuntu machine); bash (the launcher and health checks); DejaVu fonts
# (plate rendering); /tmp; /etc/passwd. Usage: build-base.sh OUTPUT.tar
set -euo pipefail

out=$(realpath -m "$1")
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/proc" "$root/dev" "$root/usr/share/fonts/truetype" \
  "$root/var/lib/alpr" "$root/root"
chmod 1777 "$root/tmp"

"$java_home/bin/jlink" --output "$root/opt/java/openjdk" --strip-debug --no-man-pages --no-header-files \
  --compress=2 --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.httpserver,\
jdk.management,jdk.management.agent,jdk.zipfs,jdk.naming.dns,jdk.localedata,jdk.charsets,jdk.jfr,jdk.net

# every library the runtime, bash and the native libraries of the app need, resolved here by ldd
libs=$(mktemp)
{
  find "$root/opt/java/openjdk" -name '*.so' -print0 | xargs -0 -n1 ldd 2>/dev/null || true
  ldd /bin/bash
  # and what the native libraries in the jars (JavaCPP: FFmpeg, ND4J, OpenBLAS) need from the system
  for extra in libstdc++.so.6 libgcc_s.so.1 libgomp.so.1 libfontconfig.so.1 libfreetype.so.6 libz.so.1 \
      libm.so.6 libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2 libasound.so.2 libxcb.so.1 \
      libxcb-shape.so.0 libxcb-shm.so.0 libxcb-xfixes.so.0 libdrm.so.2 libquadmath.so.0; do
    path=$(ldconfig -p | awk -v l="$extra" '$1 == l && /x86-64/ && !seen {print $NF; seen = 1}')
    [ -n "$path" ] && { echo "$extra => $path"; ldd "$path"; }
  done
} | awk '/=>/ && $3 ~ /^\// {print $3} /^\t\/lib/ {print $1}' | sort -u > "$libs"
# merged /usr: /lib and /lib64 are links into /usr as here; each library is copied to its real
# path, with a link where ldd found it (the loader is looked up as /lib64/ld-linux-x86-64.so.2)
for dir in lib lib64 bin sbin; do
  if [ -L "/$dir" ]; then rm -rf "${root:?}/$dir"; ln -s "$(readlink "/$dir")" "$root/$dir"; fi
done
mkdir -p "$root/usr/lib64" "$root/usr/bin"
while read -r lib; do
  real=$(readlink -f "$lib")
  mkdir -p "$root$(dirname "$real")"
  cp -L "$real" "$root$real"
  link=$(readlink -f "$(dirname "$lib")")/$(basename "$lib")
  if [ "$link" != "$real" ] && [ ! -e "$root$link" ]; then
    mkdir -p "$root$(dirname "$link")"
    ln -s "$real" "$root$link"
  fi
done < "$libs"
cp -L "$(readlink -f /bin/bash)" "$root/usr/bin/bash"
[ -e "$root/bin/bash" ] || ln -s /usr/bin/bash "$root/bin/bash"
ln -sf bash "$root/usr/bin/sh"
[ -e "$root/bin/sh" ] || ln -s /usr/bin/sh "$root/bin/sh"
[ -d /etc/fonts ] && cp -a /etc/fonts "$root/etc/fonts"
[ -d /usr/share/fonts/truetype/dejavu ] && cp -a /usr/share/fonts/truetype/dejavu "$root/usr/share/fonts/truetype/"
printf 'root:x:0:0:root:/root:/bin/bash\n' > "$root/etc/passwd"
printf 'root:x:0:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"

# docker-save layout: one layer, its config, a manifest
image=$work/image
mkdir -p "$image"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$root" -cf "$image/layer.tar" .
diff_id=sha256:$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
cat > "$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/local/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8","HOME=/root"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["ovr-alpr/base:local"],"Layers":["layer.tar"]}]\n' > "$image/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$image" -cf "$out" manifest.json config.json layer.tar
echo "base image $out: $(du -h "$out" | cut -f1), java $("$root/opt/java/openjdk/bin/java" -version 2>&1 | head -1)"
