namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>execute_input</c> (iopub): the code being run and its execution count.</summary>
internal sealed record ExecuteInput(string Code, int ExecutionCount);
