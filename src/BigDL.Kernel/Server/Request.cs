using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Server;

/// <summary>A message received on <paramref name="Channel"/>; replies go back there, to its identities.</summary>
internal sealed record Request(KernelChannel Channel, JupyterMessage Message);
