using System.Numerics;
using BigDL.Tensors;
using CsCheck;

namespace BigDL.Tests.Tensors;

/// <summary>View algebra on random shapes (1–4 dims of 1–6) and random strided layouts, checked against storage arithmetic.</summary>
public abstract class TensorViewPropertyTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly Gen<(int[] Sizes, int Seed)> Shapes =
        from sizes in Gen.Int[1, 6].Array[1, 4]
        from seed in Gen.Int[0, 1_000_000]
        select (sizes, seed);

    /// <summary>The logical values in row-major order, read straight from storage with offset + Σ index·stride (the oracle).</summary>
    private static T[] Logical(Tensor<T> t)
    {
        int[] sizes = t.Size(), strides = t.Stride();
        int n = t.NElement();
        var result = new T[n];
        var index = new int[sizes.Length];
        var data = t.Storage!.Span;
        for (int e = 0; e < n; e++)
        {
            int offset = t.StorageOffset;
            for (int d = 0; d < sizes.Length; d++) offset += index[d] * strides[d];
            result[e] = data[offset];
            for (int d = sizes.Length - 1; d >= 0; d--)
            {
                if (++index[d] < sizes[d]) break;
                index[d] = 0;
            }
        }
        return result;
    }

    /// <summary>
    /// A tensor of logical shape <paramref name="sizes"/> with random strides: a padded base whose dimensions are in
    /// a random order, narrowed at random starts and transposed back. Padding holds NaN; values are distinct.
    /// </summary>
    private static Tensor<T> RandomLayout(int[] sizes, Random random)
    {
        int dims = sizes.Length;
        int[] order = Enumerable.Range(0, dims).OrderBy(_ => random.Next()).ToArray();
        var baseSizes = new int[dims];
        for (int k = 0; k < dims; k++) baseSizes[k] = sizes[order[k]] + random.Next(0, 3);
        var t = new Tensor<T>(baseSizes).Fill(T.NaN);
        for (int k = 0; k < dims; k++)
            t = t.Narrow(k, random.Next(0, baseSizes[k] - sizes[order[k]] + 1), sizes[order[k]]);
        var current = (int[])order.Clone();
        for (int j = 0; j < dims; j++)
        {
            int k = Array.IndexOf(current, j);
            if (k == j) continue;
            t = t.Transpose(j, k);
            (current[j], current[k]) = (current[k], current[j]);
        }
        Assert.Equal(sizes, t.Size());
        int counter = 0;
        return t.Apply(_ => T.CreateChecked(++counter + random.Next(0, 2) * 0.5));
    }

    [Fact]
    public void Transpose_Twice_IsIdentity()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random);
            int a = random.Next(t.Dim()), b = random.Next(t.Dim());
            var back = t.Transpose(a, b).Transpose(a, b);
            Assert.Equal(t.Size(), back.Size());
            Assert.Equal(t.Stride(), back.Stride());
            Assert.Equal(Logical(t), Logical(back));
        });
    }

    [Fact]
    public void Narrow_OfNarrow_EqualsOneNarrow()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random);
            int d = random.Next(t.Dim()), n = t.Size(d);
            int s1 = random.Next(n), l1 = random.Next(1, n - s1 + 1);
            int s2 = random.Next(l1), l2 = random.Next(1, l1 - s2 + 1);
            var twice = t.Narrow(d, s1, l1).Narrow(d, s2, l2);
            var once = t.Narrow(d, s1 + s2, l2);
            Assert.Equal(once.Size(), twice.Size());
            Assert.Equal(once.StorageOffset, twice.StorageOffset);
            Assert.Equal(Logical(once), Logical(twice));
        });
    }

    [Fact]
    public void Select_EqualsNarrowSqueezed()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random);
            int d = random.Next(t.Dim()), i = random.Next(t.Size(d));
            var selected = t.Select(d, i);
            var narrowed = t.Narrow(d, i, 1).Squeeze(d);
            Assert.Equal(narrowed.Size(), selected.Size());
            Assert.Equal(Logical(narrowed), Logical(selected));
        });
    }

    [Fact]
    public void Narrow_ThenCopy_EqualsElementLoop()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random);
            int d = random.Next(t.Dim()), n = t.Size(d);
            int s = random.Next(n), l = random.Next(1, n - s + 1);
            var view = t.Narrow(d, s, l);
            var copy = new Tensor<T>(view.Size()).Copy(view);
            Assert.Equal(Logical(view), copy.AsSpan().ToArray());
        });
    }

    [Fact]
    public void View_OnContiguous_PreservesRowMajorOrder()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random).Clone();
            var flat = t.View(-1);
            var reversed = t.View(c.Sizes.Reverse().ToArray());
            Assert.Same(t.Storage, flat.Storage);
            Assert.Equal(Logical(t), Logical(flat));
            Assert.Equal(Logical(t), Logical(reversed));
        });
    }

    [Fact]
    public void Contiguous_PreservesValues_AndIsSameInstanceWhenContiguous()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random);
            var contiguous = t.Contiguous();
            Assert.True(contiguous.IsContiguous());
            Assert.Equal(Logical(t), contiguous.AsSpan().ToArray());
            if (t.IsContiguous()) Assert.Same(t, contiguous);
            Assert.Same(contiguous, contiguous.Contiguous());
        });
    }

    [Fact]
    public void Copy_BetweenStridedViews_EqualsElementLoopAndKeepsPadding()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var source = RandomLayout(c.Sizes, random);
            var destination = RandomLayout(c.Sizes, random);
            var storageBefore = destination.Storage!.Span.ToArray();
            destination.Copy(source);
            Assert.Equal(Logical(source), Logical(destination));
            // storage outside the view is unchanged (padding stays NaN)
            var touched = new bool[storageBefore.Length];
            MarkOffsets(destination, touched);
            var after = destination.Storage.Span;
            for (int i = 0; i < touched.Length; i++)
                if (!touched[i]) Assert.True(T.IsNaN(after[i]) && T.IsNaN(storageBefore[i]) || after[i] == storageBefore[i]);
        });
    }

    [Fact]
    public void Views_WriteThroughToStorage()
    {
        Shapes.Sample(c =>
        {
            var random = new Random(c.Seed);
            var t = RandomLayout(c.Sizes, random);
            int d = random.Next(t.Dim()), i = random.Next(t.Size(d));
            var view = t.Select(d, i);
            if (view.Dim() == 0)
            {
                view.Fill(T.CreateChecked(-7));
                Assert.Equal(T.CreateChecked(-7), t.Storage!.Span[view.StorageOffset]);
                return;
            }
            var index = view.Size().Select(s => random.Next(s)).ToArray();
            view[index] = T.CreateChecked(-7);
            int offset = view.StorageOffset;
            int[] strides = view.Stride();
            for (int k = 0; k < index.Length; k++) offset += index[k] * strides[k];
            Assert.Equal(T.CreateChecked(-7), t.Storage!.Span[offset]);
            var full = index.ToList();
            full.Insert(d, i);
            Assert.Equal(T.CreateChecked(-7), t[full.ToArray()]);
        });
    }

    private static void MarkOffsets(Tensor<T> t, bool[] touched)
    {
        int[] sizes = t.Size(), strides = t.Stride();
        var index = new int[sizes.Length];
        for (int e = 0; e < t.NElement(); e++)
        {
            int offset = t.StorageOffset;
            for (int d = 0; d < sizes.Length; d++) offset += index[d] * strides[d];
            touched[offset] = true;
            for (int d = sizes.Length - 1; d >= 0; d--)
            {
                if (++index[d] < sizes[d]) break;
                index[d] = 0;
            }
        }
    }
}

public sealed class TensorViewPropertyTestsFloat : TensorViewPropertyTests<float>;

public sealed class TensorViewPropertyTestsDouble : TensorViewPropertyTests<double>;
