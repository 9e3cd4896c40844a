/*
 * The C baseline for the BLAS seam benchmark: calls cblas_sgemm of one library directly, the same shapes and
 * the same timing rule as the .NET side (benchmarks/BigDL.Benchmarks/GemmBenchmark.cs), so the ratio of the two
 * is the cost of our seam.
 *
 *   gcc -O2 -o gemm_bench gemm_bench.c -ldl
 *   ./gemm_bench LIBRARY THREADS M N K [M N K ...]
 *
 * Prints one line per shape: "M N K median_gflops".
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int, float, float *, int);
enum { ROW_MAJOR = 101, NO_TRANS = 111 };

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 6 || (argc - 3) % 3 != 0) {
    fprintf(stderr, "usage: %s LIBRARY THREADS M N K [M N K ...]\n", argv[0]);
    return 2;
  }
  /* MKL's threading layers need an OpenMP runtime already in the process; without Intel's libiomp5 (not in
     Debian) use GNU's, as BigDL's MKL provider does, unless MKL_THREADING_LAYER says otherwise. */
  int gnu_openmp = !getenv("MKL_THREADING_LAYER") && !dlopen("libiomp5.so", RTLD_NOW | RTLD_GLOBAL)
                   && dlopen("libgomp.so.1", RTLD_NOW | RTLD_GLOBAL);
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) { fprintf(stderr, "cannot load %s: %s\n", argv[1], dlerror()); return 1; }
  sgemm_fn sgemm = (sgemm_fn)dlsym(lib, "cblas_sgemm");
  if (!sgemm) { fprintf(stderr, "%s has no cblas_sgemm\n", argv[1]); return 1; }
  int threads = atoi(argv[2]);
  void (*openblas_threads)(int) = (void (*)(int))dlsym(lib, "openblas_set_num_threads");
  void (*mkl_threads)(int) = (void (*)(int))dlsym(lib, "MKL_Set_Num_Threads");
  int (*mkl_threading_layer)(int) = (int (*)(int))dlsym(lib, "MKL_Set_Threading_Layer");
  if (mkl_threading_layer && gnu_openmp) mkl_threading_layer(3); /* MKL_THREADING_GNU */
  if (openblas_threads) openblas_threads(threads);
  if (mkl_threads) mkl_threads(threads);

  for (int s = 3; s < argc; s += 3) {
    int m = atoi(argv[s]), n = atoi(argv[s + 1]), k = atoi(argv[s + 2]);
    float *a = malloc(sizeof(float) * m * k), *b = malloc(sizeof(float) * k * n), *c = malloc(sizeof(float) * m * n);
    for (long i = 0; i < (long)m * k; i++) a[i] = (float)((i % 17) - 8) / 8.0f;
    for (long i = 0; i < (long)k * n; i++) b[i] = (float)((i % 13) - 6) / 6.0f;
    for (int w = 0; w < 3; w++) sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
    double times[1000];
    int runs = 0;
    double start = now();
    while (runs < 1000 && (runs < 5 || now() - start < 0.5)) {
      double t0 = now();
      sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
      times[runs++] = now() - t0;
    }
    qsort(times, runs, sizeof(double), by_value);
    printf("%d %d %d %.2f\n", m, n, k, 2.0 * m * n * k / times[runs / 2] * 1e-9);
    fflush(stdout);
    free(a); free(b); free(c);
  }
  return 0;
}
