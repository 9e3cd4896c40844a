#!/usr/bin/env bash
# BigDL for .NET — set-up, build, demo and tests in one place. README.md names the two commands users need:
#   ./build.sh run    install what is missing (Debian packages, NuGet restore), build, train LeNet-5 on Fashion-MNIST
#   ./build.sh test   install what is missing, build, run every test suite, print "tests: N passed, N failed"
# Other verbs: setup, build, pack (local NuGet feed), notebook (Jupyter with the tutorials), bench (BLAS, element-wise),
# bench-nn (layers vs TorchSharp), bench-dist (distributed training throughput), help.
# Every verb is idempotent.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
CONFIG=${CONFIG:-Release}

# Debian packages the project needs: OpenBLAS and Intel MKL (BLAS providers; MKL threads on GNU OpenMP, libgomp1),
# Fashion-MNIST (real data), and Python's protobuf runtime (python3-protobuf), with which a test reads our TensorBoard
# event files back independently of our own reader (tests/BigDL.Tests/Visualization/read_events.py).
APT_PACKAGES=(libopenblas0-pthread libopenblas-dev libmkl-rt libgomp1 dataset-fashion-mnist python3-protobuf)
# The notebook environment: Jupyter Notebook to run the tutorials in, and what the tests drive the kernel with
# (jupyter_client, jupyter_kernel_test, nbclient, nbconvert) plus Chromium for the exported-notebook check.
NOTEBOOK_PACKAGES=(jupyter-notebook jupyter-client python3-jupyter-client python3-nbclient python3-nbformat jupyter-nbconvert
  python3-jupyter-kernel-test chromium)
# Only for the layer benchmark against TorchSharp (bench-nn): tools that make libtorch's wrapper load on Debian 12.
BENCH_NN_PACKAGES=(g++ patchelf binutils)

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else log "need root for: $*"; exit 1
  fi
}

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$p"
  done
}

# Intel MKL lives in Debian's non-free component: add "non-free" to the Components of the existing
# deb822 sources file (the host names in that file stay as they are).
enable_non_free() {
  local f=/etc/apt/sources.list.d/debian.sources
  if [ -f "$f" ] && grep -q '^Components:' "$f" && grep '^Components:' "$f" | grep -qv 'non-free\( \|$\)'; then
    log "enabling Debian's non-free component in $f"
    as_root sed -i -E '/^Components:/{/(^| )non-free( |$)/!s/$/ non-free/}' "$f"
  fi
}

install_missing() {
  local missing
  missing=$(missing_packages "$@")
  if [ -n "$missing" ]; then
    enable_non_free
    log "installing Debian packages: $(echo $missing)"
    as_root apt-get update -qq
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
}

setup() {
  install_missing "${APT_PACKAGES[@]}" "${NOTEBOOK_PACKAGES[@]}"
  if ! command -v dotnet >/dev/null 2>&1; then
    log "the .NET SDK 10 is required (dotnet on PATH); see global.json"; exit 1
  fi
}

build() {
  log "restoring and building ($CONFIG)"
  dotnet build "$ROOT/BigDL.slnx" -c "$CONFIG" -nologo -v quiet -clp:ErrorsOnly
}

bigdl() { dotnet "$ROOT/src/BigDL.Cli/bin/$CONFIG/net10.0/BigDL.Cli.dll" "$@"; }
bigdl_kernel() { dotnet "$ROOT/src/BigDL.Kernel/bin/$CONFIG/net10.0/BigDL.Kernel.dll" "$@"; }

run() {
  setup
  build
  pack
  # The BigDL C# kernel for Jupyter, for this user, resolving #r "nuget:BigDL" from the local feed.
  bigdl_kernel install --user --nuget-source "$FEED"
  bigdl info
  # The main job: BigDL's LeNet-5 on the real Fashion-MNIST, on every core; ends with "Top1Accuracy: 0.8…".
  bigdl train lenet -f /usr/share/datasets/fashion-mnist --max-epoch 5 --learning-rate 0.05 --momentum 0.9 -o "$ROOT/artifacts/lenet5.bigdl"
}

# The Python suites (kernel conformance, notebooks, browser, interrupt) against a kernel installed under artifacts/ from a
# freshly packed feed, with a packages folder of their own so nothing stale is reused; output in python.txt.
python_suites() {
  local jupyter="$ROOT/artifacts/jupyter"
  pack
  rm -rf "$jupyter"
  bigdl_kernel install --prefix "$jupyter" --nuget-source "$FEED" --nuget-source "${NUGET_PACKAGES:-$HOME/.nuget/packages}" >/dev/null
  log "testing the notebook environment (Python suites)"
  (cd "$ROOT/tests/python" &&
    JUPYTER_PATH="$jupyter/share/jupyter" JUPYTER_DATA_DIR="$jupyter/data" BIGDL_ARTIFACTS="$ROOT/artifacts" \
    NUGET_PACKAGES="$ROOT/artifacts/nuget-packages" \
    /usr/bin/python3 run_suites.py . 'test_*.py') 2>&1 | tee "$ROOT/artifacts/test-results/python.txt"
  return "${PIPESTATUS[0]}"
}

# Runs every test project and the Python suites, then prints one summary line summed over all of them.
test_all() {
  setup
  build
  local results="$ROOT/artifacts/test-results" passed=0 failed=0 status=0 project trx p f
  rm -rf "$results"
  mkdir -p "$results"
  for project in "$ROOT"/tests/*/*.csproj; do
    local name
    name=$(basename "$project" .csproj)
    log "testing $name"
    dotnet test "$project" -c "$CONFIG" --no-build -nologo \
      --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  done
  for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    p=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
    f=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
  done
  python_suites || status=1
  if [ -f "$results/python.txt" ]; then
    p=$(tail -n 1 "$results/python.txt" | sed -n 's/^python: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(tail -n 1 "$results/python.txt" | sed -n 's/^python: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-1}))
  fi
  [ "$passed" -gt 0 ] || status=1
  [ "$failed" -eq 0 ] || status=1
  echo "tests: $passed passed, $failed failed"
  return $status
}

# Packs what notebooks reference into a local folder feed: the "BigDL" package (core library, notebook extension and its
# load script) and the kernel as a dotnet tool.
FEED="$ROOT/artifacts/feed"
pack() {
  rm -rf "$FEED"
  mkdir -p "$FEED"
  # Packing replaces the package under the same version: drop the copy NuGet extracted from the previous one.
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/bigdl" "$ROOT/artifacts/nuget-packages/bigdl"
  dotnet pack "$ROOT/kernel-extensions/BigDL.Interactive" -c "$CONFIG" --no-build --no-restore -p:PackingBigDL=true -o "$FEED" -nologo -v quiet
  dotnet pack "$ROOT/src/BigDL.Kernel" -c "$CONFIG" --no-build --no-restore -o "$FEED" -nologo -v quiet
  log "packages in $FEED: $(cd "$FEED" && echo *.nupkg)"
}

# Jupyter Notebook (Debian's) on this machine only, in the tutorials folder, with the kernel ./build.sh run installed.
notebook() {
  setup
  exec /usr/bin/jupyter-notebook --ip 127.0.0.1 --no-browser --notebook-dir "$ROOT/notebooks"
}

bench() {
  setup
  dotnet run -c Release --project "$ROOT/benchmarks/BigDL.Benchmarks" -- "$@"
}

bench_nn() {
  setup
  install_missing "${BENCH_NN_PACKAGES[@]}"
  dotnet run -c Release --project "$ROOT/benchmarks/BigDL.Benchmarks.Nn" -- "$@"
}

bench_dist() {
  setup
  dotnet run -c Release --project "$ROOT/benchmarks/BigDL.Benchmarks.Distributed" -- "$@"
}

case "${1:-help}" in
  setup) setup ;;
  build) setup; build ;;
  run) run ;;
  test) test_all ;;
  pack) setup; build; pack ;;
  notebook) notebook ;;
  bench) shift; bench "$@" ;;
  bench-nn) shift; bench_nn "$@" ;;
  bench-dist) shift; bench_dist "$@" ;;
  *) sed -n '2,7p' "$0"; exit 2 ;;
esac
