// One rank of a distributed training job: `bigdl-worker --ctrl HOST:PORT` (the token in BIGDL_WORKER_TOKEN).
return await BigDL.Distributed.Worker.WorkerMain.RunAsync(args);
