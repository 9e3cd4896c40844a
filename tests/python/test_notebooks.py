"""The tutorials, executed by real Jupyter machinery against a freshly packed feed, with assertions on what they show."""
import json
import re
import unittest

from notebook_runs import NOTEBOOKS, cell_texts, executed, outputs, texts


class EveryNotebookRuns(unittest.TestCase):
    def test_every_notebook_executes_without_errors(self):
        names = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
        self.assertGreaterEqual(len(names), 2)
        for name in names:
            with self.subTest(notebook=name):
                notebook = executed(name)
                errors = [o for o in outputs(notebook) if o.output_type == "error"]
                self.assertEqual(errors, [], f"{name} produced errors")


class TensorsAndModels(unittest.TestCase):
    name = "01-tensors-and-models.ipynb"

    def test_tensors_render_as_html_tables(self):
        html = "\n".join(texts(executed(self.name), "text/html"))
        self.assertTrue("<table" in html, "no HTML table among the outputs")
        self.assertTrue(re.search(r"Tensor&lt;float&gt;|Tensor<float>", html), "no tensor header among the outputs")

    def test_the_model_renders_as_a_layer_table_with_its_parameter_count(self):
        html = "\n".join(texts(executed(self.name), "text/html"))
        self.assertTrue("SpatialConvolution" in html, "no layer table among the outputs")
        self.assertTrue(re.search(r"22[,\u202f ]?278", html), "LeNet-5's 22,278 parameters are not shown")

    def test_status_magic_shows_the_engine(self):
        plain = "\n".join(texts(executed(self.name), "text/plain"))
        self.assertTrue(re.search(r"mode: local, nodes: 1, cores per node: \d+", plain), "no engine status among the outputs")


class LeNetTraining(unittest.TestCase):
    name = "02-lenet-fashion-mnist.ipynb"

    def test_test_accuracy_is_above_a_real_threshold(self):
        plain = "\n".join(texts(executed(self.name), "text/plain"))
        found = re.findall(r"Top1Accuracy: (0\.\d+)", plain)
        self.assertTrue(found, "the notebook prints Top1Accuracy")
        self.assertGreaterEqual(float(found[-1]), 0.85)

    def test_the_live_view_ends_at_one_hundred_percent(self):
        html = "\n".join(texts(executed(self.name), "text/html"))
        self.assertTrue("100%" in html, "the live view does not show 100%")

    def test_the_training_chart_is_present_as_svg_and_plotly_figure(self):
        notebook = executed(self.name)
        self.assertTrue("<svg" in "\n".join(texts(notebook, "text/html")), "no SVG chart among the outputs")
        figures = [o.data["application/vnd.plotly.v1+json"] for o in outputs(notebook)
                   if "data" in o and "application/vnd.plotly.v1+json" in o.data]
        self.assertTrue(figures, "a Plotly figure is among the outputs")
        figure = figures[-1] if isinstance(figures[-1], dict) else json.loads(figures[-1])
        self.assertTrue(any(len(trace.get("y", [])) > 10 for trace in figure["data"]), "the loss curve has points")


class WorkerProcesses(unittest.TestCase):
    name = "03-worker-processes.ipynb"

    def cell_text(self, source_start):
        """The text/plain outputs of the code cell whose source starts with `source_start`."""
        return "\n".join(cell_texts(executed(self.name), source_start, "text/plain"))

    def test_the_cluster_magic_sets_two_workers_of_one_core(self):
        self.assertIn("mode: local-cluster, workers: 2, cores per worker: 1", self.cell_text("#!bigdl cluster"))
        self.assertIn("mode: local-cluster, workers: 2, cores per worker: 1", self.cell_text("#!bigdl status"))

    def test_optimizer_create_trains_on_the_worker_processes_and_learns(self):
        plain = self.cell_text("var model = LeNet5")
        found = re.search(r"trained on 2 worker processes with 1 core\(s\) each; Top1Accuracy: (0\.\d+)", plain)
        self.assertTrue(found, "the training cell prints where it trained and the test accuracy")
        self.assertGreaterEqual(float(found.group(1)), 0.5)  # chance is 0.1
        view = re.search(r"Training done: epoch 1 · iteration 40/40 · 100% · loss (\d+\.\d+)", plain)
        self.assertTrue(view, "the live view ends at iteration 40 of 40")
        self.assertLess(float(view.group(1)), 1.5)  # ln 10 = 2.30 before training

    def test_local_returns_training_to_the_kernel(self):
        self.assertIn("mode: local, nodes: 1, cores per node:", self.cell_text("#!bigdl local"))


if __name__ == "__main__":
    unittest.main()
