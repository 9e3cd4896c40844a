"""Runs the Python test suites (kernel conformance, notebooks, browser check) and prints one summary line.

Called by build.sh with Debian's interpreter (/usr/bin/python3), after the BigDL feed is packed and the kernel is
installed under JUPYTER_PATH. The last line is `python: N passed, N failed`, which build.sh adds to its total.
"""
import sys
import unittest


class CountingResult(unittest.TextTestResult):
    """Counts every test and subtest outcome, so a sub-case failure is one failure, not a hidden one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = 0
        self.failed_count = 0

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.failed_count += 1

    def addError(self, test, err):
        super().addError(test, err)
        self.failed_count += 1

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self.failed_count += 1

    def addSkip(self, test, reason):
        # A skipped case is a missing sample: count it as a failure so nothing hides behind a skip.
        super().addSkip(test, reason)
        self.failed_count += 1

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self.failed_count += 1


def main(argv):
    start = argv[1] if len(argv) > 1 else "."
    pattern = argv[2] if len(argv) > 2 else "test_*.py"
    suite = unittest.defaultTestLoader.discover(start, pattern=pattern, top_level_dir=start)
    runner = unittest.TextTestRunner(verbosity=2, resultclass=CountingResult, stream=sys.stdout)
    result = runner.run(suite)
    print(f"python: {result.passed} passed, {result.failed_count} failed")
    return 0 if result.failed_count == 0 and result.passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
