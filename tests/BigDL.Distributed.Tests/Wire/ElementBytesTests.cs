using System.Buffers.Binary;
using BigDL.Distributed.Wire;

namespace BigDL.Distributed.Tests.Wire;

public sealed class ElementBytesTests
{
    [Fact]
    public void Memory_IsTheRangesValuesAsLittleEndianBytes()
    {
        float[] values = [1f, -2.5f, 3.25f, 4f, 5f];
        var bytes = new ElementBytes<float>(values, 1, 3).Memory;

        Assert.Equal(12, bytes.Length);
        Assert.Equal(-2.5f, BinaryPrimitives.ReadSingleLittleEndian(bytes.Span));
        Assert.Equal(4f, BinaryPrimitives.ReadSingleLittleEndian(bytes.Span[8..]));
    }

    [Fact]
    public unsafe void Pin_NestedHandles_PointAtTheRangeAndRelease()
    {
        double[] values = [1, 2, 3];
        var bytes = new ElementBytes<double>(values, 1, 2).Memory;

        using (var outer = bytes.Pin())
        {
            using (var inner = bytes[8..].Pin()) Assert.Equal(3.0, *(double*)inner.Pointer);
            Assert.Equal(2.0, *(double*)outer.Pointer); // still pinned after the inner handle went
        }
        values[1] = 7;
        Assert.Equal(7.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.Span));
    }
}
