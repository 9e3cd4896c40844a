namespace BigDL.Kernel.Server;

/// <summary>The sockets a message can travel on.</summary>
internal enum KernelChannel
{
    /// <summary>Requests from the front end, served one at a time.</summary>
    Shell,

    /// <summary>Urgent requests (interrupt, shutdown), served while a cell runs.</summary>
    Control,

    /// <summary>Broadcast outputs and status.</summary>
    IoPub,
}
