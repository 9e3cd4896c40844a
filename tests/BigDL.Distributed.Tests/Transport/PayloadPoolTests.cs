using BigDL.Distributed.Transport;

namespace BigDL.Distributed.Tests.Transport;

public sealed class PayloadPoolTests
{
    [Fact]
    public void Return_LentBuffer_IsLentAgain()
    {
        var pool = new PayloadPool();
        var first = pool.Rent(1 << 20);

        pool.Return(first.AsMemory(0, 1 << 20));

        Assert.Same(first, pool.Rent(1 << 20));
    }

    [Fact]
    public void Return_BufferNotLentOrReturnedTwice_IsIgnored()
    {
        var pool = new PayloadPool();
        var lent = pool.Rent(1 << 20);
        pool.Return(lent);
        pool.Return(lent); // twice: must not be lent to two receivers at once
        pool.Return(new byte[1 << 20]); // a stranger's array: never lent out

        var a = pool.Rent(1 << 20);
        var b = pool.Rent(1 << 20);

        Assert.NotSame(a, b);
        Assert.Same(lent, a);
    }

    [Fact]
    public void Rent_SmallPayload_IsAnExactOrdinaryArray()
    {
        var pool = new PayloadPool();

        Assert.Equal(100, pool.Rent(100).Length);
        Assert.Empty(pool.Rent(0));
        Assert.True(pool.Rent(PayloadPool.PooledFrom).Length >= PayloadPool.PooledFrom);
    }
}
