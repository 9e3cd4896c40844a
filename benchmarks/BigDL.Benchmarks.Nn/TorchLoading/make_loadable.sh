#!/bin/bash
# Makes the TorchSharp native library in a build output loadable on Debian 12, whose libstdc++ (GCC 12) lacks
# GLIBCXX_3.4.32. Changes only the copy under OUTPUT_DIR, never the NuGet cache. Needs g++ and patchelf.
# Usage: make_loadable.sh OUTPUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native="$1/runtimes/linux-x64/native"
library="$native/libLibTorchSharp.so"
if [ ! -f "$library" ]; then echo "make_loadable: no $library"; exit 0; fi
if strings -a "$(/sbin/ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')" | grep -qx 'GLIBCXX_3\.4\.32'; then
  exit 0   # the system library is new enough
fi
g++ -shared -fPIC -O2 "$here/ios_init_marker.cpp" -o "$native/libios_init_marker.so"
readelf -d "$library" | grep -q 'libios_init_marker.so' || patchelf --add-needed libios_init_marker.so "$library"
/usr/bin/python3 "$here/relax_version_need.py" "$library" GLIBCXX_3.4.32
