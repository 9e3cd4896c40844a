"""Debian's jupyter_kernel_test against the installed BigDL C# kernel: every sample the tool supports."""
import os
import unittest

import jupyter_kernel_test


class BigDLKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("BIGDL_KERNEL_NAME", "bigdl-csharp")
    language_name = "C#"
    file_extension = ".cs"

    code_hello_world = 'Console.WriteLine("hello, world");'
    code_stderr = 'Console.Error.WriteLine("to standard error");'

    completion_samples = [
        {"text": "Console.WriteL", "matches": {"WriteLine"}},
        {"text": "Math.Sqr", "matches": {"Sqrt"}},
    ]

    complete_code_samples = ["var x = 1;", "1 + 1", "Console.WriteLine(\"done\");", "#!bigdl status"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "var s = new[] { 1, 2,", "if (true)"]
    invalid_code_samples = ["var x = 1 +;", "int 3x = 0;"]

    code_generate_error = 'throw new InvalidOperationException("on purpose");'

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": '"con" + "cat"', "result": "concat"},
        {"code": "Math.Max(3, 9)", "result": "9"},
    ]

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'display("plain text");', "mime": "text/plain"},
    ]

    code_history_pattern = "6 * *"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.Sqrt"

    code_clear_output = "ClearOutput();"

    code_page_something = "Math.Sqrt?"


if __name__ == "__main__":
    unittest.main()
