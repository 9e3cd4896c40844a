"""A session like `jupyter console`'s, through jupyter_client: a long Optimize() is interrupted, and the same session
runs the next cell with its state (the partly trained model) intact."""
import os
import time
import unittest

from jupyter_client.manager import start_new_kernel

KERNEL = os.environ.get("BIGDL_KERNEL_NAME", "bigdl-csharp")

SETUP = """
#r "nuget:BigDL"
using BigDL; using BigDL.NN; using BigDL.Optim; using BigDL.DataSets; using BigDL.Tensors;
var random = new Random(3);
var samples = Enumerable.Range(0, 4096).Select(i => {
    var x = new Tensor<float>(16);
    for (int j = 0; j < 16; j++) x[j] = (float)random.NextDouble();
    return new Sample<float>(x, Tensor<float>.Scalar(x[0] > 0.5f ? 1f : 0f));
}).ToArray();
var model = new Sequential<float>().Add(new Linear<float>(16, 32)).Add(new ReLU<float>()).Add(new Linear<float>(32, 2)).Add(new LogSoftMax<float>());
"""

LONG_TRAINING = """
var trained = Optimizer.Create(model, DataSet.Array(samples).Transform(new SampleToMiniBatch<float>(64)), new ClassNLLCriterion<float>())
    .SetEndWhen(Trigger.MaxEpoch(100000))
    .Optimize();
"""


class InterruptALongTraining(unittest.TestCase):
    def setUp(self):
        self.manager, self.client = start_new_kernel(kernel_name=KERNEL, startup_timeout=120)

    def tearDown(self):
        self.client.stop_channels()
        self.manager.shutdown_kernel(now=True)

    def run_cell(self, code, timeout=300):
        reply = self.client.execute_interactive(code, timeout=timeout, output_hook=lambda msg: None)
        return reply["content"]

    def test_interrupt_stops_training_and_the_session_goes_on(self):
        self.assertEqual(self.run_cell(SETUP)["status"], "ok")
        msg_id = self.client.execute(LONG_TRAINING)
        started = self.wait_for_output(msg_id)
        self.assertTrue(started, "training showed no output before the interrupt")
        self.manager.interrupt_kernel()
        reply = self.client.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.client.get_shell_msg(timeout=60)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        after = []
        content = self.client.execute_interactive("model.ParameterCount()", timeout=120,
                                                  output_hook=lambda m: after.append(m))["content"]
        self.assertEqual(content["status"], "ok")
        results = [m["content"]["data"]["text/plain"] for m in after if m["msg_type"] == "execute_result"]
        self.assertTrue(results and int(results[0]) > 0)

    def wait_for_output(self, msg_id, seconds=120):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                msg = self.client.get_iopub_msg(timeout=1)
            except Exception:
                continue
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] in ("display_data", "update_display_data", "stream"):
                return True
        return False


if __name__ == "__main__":
    unittest.main()
