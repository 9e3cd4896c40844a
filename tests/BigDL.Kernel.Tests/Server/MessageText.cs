using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Server;

/// <summary>One-line descriptions of iopub messages, so a test can compare a whole sequence at once.</summary>
internal static class MessageText
{
    public static string Of(JupyterMessage message)
    {
        var c = message.Content;
        return message.MsgType switch
        {
            "status" => $"status {c["execution_state"]}",
            "stream" => $"stream {c["name"]} {c["text"]}",
            "execute_input" => $"execute_input {c["execution_count"]}",
            "execute_result" => $"execute_result {c["execution_count"]} {c["data"]!["text/plain"]}",
            "display_data" or "update_display_data" =>
                $"{message.MsgType} {c["data"]!["text/plain"]} id={c["transient"]!["display_id"]?.ToString() ?? "-"}",
            "clear_output" => $"clear_output wait={c["wait"]}",
            "error" => $"error {c["ename"]} {c["evalue"]}",
            _ => message.MsgType,
        };
    }

    public static List<string> Of(IEnumerable<JupyterMessage> messages) => messages.Select(Of).ToList();
}
