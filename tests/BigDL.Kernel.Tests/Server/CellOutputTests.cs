using System.Text;
using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Server;

public sealed class CellOutputTests : IDisposable
{
    private readonly RunningKernel kernel = new();

    private KernelClient Client => kernel.Client;

    public void Dispose() => kernel.Dispose();

    [Fact]
    public void ManySmallWrites_AreBatchedIntoFewStreamMessages_InOrder()
    {
        const int writes = 500;
        List<JupyterMessage> streams = Streams(Run($"spam {writes}"));

        Assert.Equal(Numbers(0, writes), string.Concat(streams.Select(m => (string?)m.Content["text"])));
        // Writes arriving within one flush interval share a message; 500 writes in a loop take far less than one.
        Assert.InRange(streams.Count, 1, writes / 10);
    }

    [Fact]
    public void BufferedText_IsFlushedBeforeADisplay_SoOrderIsKept()
    {
        List<string> outputs = Merged(Run("spam 200\ndisplay - middle\nspam 3").Where(m => m.MsgType is "stream" or "display_data"));

        Assert.Equal(["stream stdout " + Numbers(0, 200), "display_data middle id=-", "stream stdout " + Numbers(0, 3)], outputs);
    }

    [Fact]
    public void SwitchingStreams_FlushesTheOtherStreamFirst()
    {
        List<string> outputs = Merged(Streams(Run("print a\nprint b\neprint c\nprint d")));

        Assert.Equal(["stream stdout a\nb\n", "stream stderr c\n", "stream stdout d\n"], outputs);
    }

    [Fact]
    public void WriteAfterTheCellEnded_IsStillPublished_WithTheCellAsParent()
    {
        string id = Client.Shell("execute_request", new JsonObject { ["code"] = "later from the background" });
        Client.ShellReply();
        Client.IopubUntilIdle(id);

        kernel.Session.ReleaseLater();

        JupyterMessage late = Client.NextIopub();
        Assert.Equal("stream stdout from the background", MessageText.Of(late));
        Assert.Equal(id, late.ParentHeader?.MsgId);
    }

    private List<JupyterMessage> Run(string code)
    {
        string id = Client.Shell("execute_request", new JsonObject { ["code"] = code });
        Assert.Equal("ok", (string?)Client.ShellReply().Content["status"]);
        return Client.IopubUntilIdle(id);
    }

    private static List<JupyterMessage> Streams(List<JupyterMessage> messages) => messages.Where(m => m.MsgType == "stream").ToList();

    /// <summary>The outputs with consecutive stream messages of one stream joined: what a front end shows, whichever
    /// way the timer split the text.</summary>
    private static List<string> Merged(IEnumerable<JupyterMessage> messages)
    {
        var merged = new List<string>();
        string? lastStream = null;
        foreach (JupyterMessage message in messages)
        {
            string text = MessageText.Of(message);
            string? stream = message.MsgType == "stream" ? (string?)message.Content["name"] : null;
            if (stream is not null && stream == lastStream)
                merged[^1] += (string?)message.Content["text"];
            else
                merged.Add(text);
            lastStream = stream;
        }
        return merged;
    }

    private static string Numbers(int from, int count)
    {
        var text = new StringBuilder();
        for (int i = from; i < from + count; i++)
            text.Append(i).Append('\n');
        return text.ToString();
    }
}
