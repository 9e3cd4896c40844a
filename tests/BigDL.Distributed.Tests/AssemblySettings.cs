// Tests set the Engine's process-wide core number; they run one at a time so no test sees another's setting.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
