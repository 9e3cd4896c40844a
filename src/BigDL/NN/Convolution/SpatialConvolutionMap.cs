using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 2-d convolution with an explicit connection table: row k = (input plane, output plane) of [K, 2] connects one input
/// plane to one output plane through its own kH×kW kernel; each output plane sums its connections plus a bias.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.SpatialConvolutionMap</c>. Plane numbers are 0-based (BigDL counts from 1); build tables with
/// <see cref="Full"/>, <see cref="OneToOne"/> or <see cref="Random"/>. Weight [K, kH, kW], bias [nOutputPlane]; a
/// kernel starts U(±1/√(kW·kH·connections into its output plane)), as Torch. Input [C, H, W] or [N, C, H, W].
/// </remarks>
public sealed class SpatialConvolutionMap<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[,] _connections;

    /// <summary>Creates the layer.</summary>
    /// <param name="connTable">Connections [K, 2]: (input plane, output plane), 0-based.</param>
    /// <param name="kW">Kernel width.</param>
    /// <param name="kH">Kernel height.</param>
    /// <param name="dW">Horizontal step (default 1).</param>
    /// <param name="dH">Vertical step (default 1).</param>
    /// <param name="padW">Horizontal padding (default 0).</param>
    /// <param name="padH">Vertical padding (default 0).</param>
    public SpatialConvolutionMap(Tensor<T> connTable, int kW, int kH, int dW = 1, int dH = 1, int padW = 0, int padH = 0)
    {
        ArgumentNullException.ThrowIfNull(connTable);
        if (connTable.Dim() != 2 || connTable.Size(1) != 2 || connTable.Size(0) == 0)
            throw new ArgumentException($"expected a connection table [K, 2], got {Shape.Format(connTable.Size())}", nameof(connTable));
        foreach (var (value, name) in new[] { (kW, nameof(kW)), (kH, nameof(kH)), (dW, nameof(dW)), (dH, nameof(dH)) })
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        int k = connTable.Size(0);
        _connections = new int[k, 2];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < 2; j++)
            {
                _connections[i, j] = int.CreateTruncating(connTable[i, j]);
                if (_connections[i, j] < 0) throw new ArgumentException($"connection {i} has a negative plane {_connections[i, j]}; planes are 0-based", nameof(connTable));
            }
        ConnTable = connTable.Clone();
        NInputPlane = Enumerable.Range(0, k).Max(i => _connections[i, 0]) + 1;
        NOutputPlane = Enumerable.Range(0, k).Max(i => _connections[i, 1]) + 1;
        (KW, KH, DW, DH, PadW, PadH) = (kW, kH, dW, dH, padW, padH);
        Weight = new Tensor<T>(k, kH, kW);
        GradWeight = new Tensor<T>(k, kH, kW);
        Bias = new Tensor<T>(NOutputPlane);
        GradBias = new Tensor<T>(NOutputPlane);
        Reset();
    }

    /// <summary>Input planes (the largest input plane in the table, plus 1).</summary>
    public int NInputPlane { get; }

    /// <summary>The connections [K, 2] as given: (input plane, output plane), 0-based.</summary>
    public Tensor<T> ConnTable { get; }

    /// <summary>Output planes.</summary>
    public int NOutputPlane { get; }

    /// <summary>Kernel width.</summary>
    public int KW { get; }

    /// <summary>Kernel height.</summary>
    public int KH { get; }

    /// <summary>Horizontal step.</summary>
    public int DW { get; }

    /// <summary>Vertical step.</summary>
    public int DH { get; }

    /// <summary>Horizontal padding.</summary>
    public int PadW { get; }

    /// <summary>Vertical padding.</summary>
    public int PadH { get; }

    /// <summary>One kernel per connection [K, kH, kW].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the kernels.</summary>
    public Tensor<T> GradWeight { get; }

    /// <summary>The bias [nOutputPlane].</summary>
    public Tensor<T> Bias { get; }

    /// <summary>Gradient of the bias.</summary>
    public Tensor<T> GradBias { get; }

    /// <summary>Every input plane to every output plane.</summary>
    public static Tensor<T> Full(int nin, int nout)
    {
        var table = new Tensor<T>(nin * nout, 2);
        for (int o = 0; o < nout; o++)
            for (int i = 0; i < nin; i++)
            {
                table[o * nin + i, 0] = T.CreateTruncating(i);
                table[o * nin + i, 1] = T.CreateTruncating(o);
            }
        return table;
    }

    /// <summary>Plane i to plane i.</summary>
    public static Tensor<T> OneToOne(int nfeat)
    {
        var table = new Tensor<T>(nfeat, 2);
        for (int i = 0; i < nfeat; i++) table[i, 0] = table[i, 1] = T.CreateTruncating(i);
        return table;
    }

    /// <summary>Each output plane fed by <paramref name="nto"/> distinct input planes drawn from <see cref="RandomGenerator.Default"/>.</summary>
    public static Tensor<T> Random(int nin, int nout, int nto)
    {
        if (nto < 1 || nto > nin) throw new ArgumentOutOfRangeException(nameof(nto), nto, $"nto must be in [1, nin = {nin}]");
        var table = new Tensor<T>(nout * nto, 2);
        var random = RandomGenerator.Default;
        for (int o = 0; o < nout; o++)
        {
            var planes = Enumerable.Range(0, nin).ToArray();
            for (int i = 0; i < nto; i++)
            {
                int j = i + (int)(random.NextUInt32() % (uint)(nin - i));
                (planes[i], planes[j]) = (planes[j], planes[i]);
                table[o * nto + i, 0] = T.CreateTruncating(planes[i]);
                table[o * nto + i, 1] = T.CreateTruncating(o);
            }
        }
        return table;
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        var fanIn = new int[NOutputPlane];
        for (int k = 0; k < _connections.GetLength(0); k++) fanIn[_connections[k, 1]]++;
        for (int k = 0; k < _connections.GetLength(0); k++)
            (WeightInitMethod ?? new RandomUniform()).Init(Weight.Select(0, k), new VariableFormat(KW * KH * fanIn[_connections[k, 1]], KW * KH));
        for (int o = 0; o < NOutputPlane; o++)
            (BiasInitMethod ?? new RandomUniform()).Init(Bias.Narrow(0, o, 1), new VariableFormat(KW * KH * Math.Max(fanIn[o], 1), KW * KH));
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (n, h, w, oh, ow) = Sizes(input);
        var x = input.Contiguous().AsSpan();
        Output.Resize(input.Dim() == 3 ? [NOutputPlane, oh, ow] : [n, NOutputPlane, oh, ow]);
        var y = Output.AsSpan();
        var kernels = Weight.AsSpan();
        for (int b = 0; b < n; b++)
        {
            for (int o = 0; o < NOutputPlane; o++) y.Slice((b * NOutputPlane + o) * oh * ow, oh * ow).Fill(Bias[o]);
            for (int k = 0; k < _connections.GetLength(0); k++)
            {
                var source = x.Slice((b * NInputPlane + _connections[k, 0]) * h * w, h * w);
                var target = y.Slice((b * NOutputPlane + _connections[k, 1]) * oh * ow, oh * ow);
                var kernel = kernels.Slice(k * KH * KW, KH * KW);
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++)
                    {
                        T sum = T.Zero;
                        for (int a = 0; a < KH; a++)
                            for (int c = 0; c < KW; c++)
                            {
                                int iy = oy * DH - PadH + a, ix = ox * DW - PadW + c;
                                if ((uint)iy < (uint)h && (uint)ix < (uint)w) sum += kernel[a * KW + c] * source[iy * w + ix];
                            }
                        target[oy * ow + ox] += sum;
                    }
            }
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (n, h, w, oh, ow) = Sizes(input);
        Require.SameShape(gradOutput, Output);
        var g = gradOutput.Contiguous().AsSpan();
        GradInput.ResizeAs(input).Zero();
        var dx = GradInput.AsSpan();
        var kernels = Weight.AsSpan();
        for (int b = 0; b < n; b++)
            for (int k = 0; k < _connections.GetLength(0); k++)
            {
                var target = dx.Slice((b * NInputPlane + _connections[k, 0]) * h * w, h * w);
                var source = g.Slice((b * NOutputPlane + _connections[k, 1]) * oh * ow, oh * ow);
                var kernel = kernels.Slice(k * KH * KW, KH * KW);
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++)
                        for (int a = 0; a < KH; a++)
                            for (int c = 0; c < KW; c++)
                            {
                                int iy = oy * DH - PadH + a, ix = ox * DW - PadW + c;
                                if ((uint)iy < (uint)h && (uint)ix < (uint)w) target[iy * w + ix] += kernel[a * KW + c] * source[oy * ow + ox];
                            }
            }
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (n, h, w, oh, ow) = Sizes(input);
        var x = input.Contiguous().AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        var gradKernels = GradWeight.AsSpan();
        for (int b = 0; b < n; b++)
        {
            for (int o = 0; o < NOutputPlane; o++)
                GradBias[o] += BiasScale * System.Numerics.Tensors.TensorPrimitives.Sum<T>(g.Slice((b * NOutputPlane + o) * oh * ow, oh * ow));
            for (int k = 0; k < _connections.GetLength(0); k++)
            {
                var source = x.Slice((b * NInputPlane + _connections[k, 0]) * h * w, h * w);
                var grad = g.Slice((b * NOutputPlane + _connections[k, 1]) * oh * ow, oh * ow);
                var target = gradKernels.Slice(k * KH * KW, KH * KW);
                for (int a = 0; a < KH; a++)
                    for (int c = 0; c < KW; c++)
                    {
                        T sum = T.Zero;
                        for (int oy = 0; oy < oh; oy++)
                            for (int ox = 0; ox < ow; ox++)
                            {
                                int iy = oy * DH - PadH + a, ix = ox * DW - PadW + c;
                                if ((uint)iy < (uint)h && (uint)ix < (uint)w) sum += source[iy * w + ix] * grad[oy * ow + ox];
                            }
                        target[a * KW + c] += WeightScale * sum;
                    }
            }
        }
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight, Bias], [GradWeight, GradBias]);

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({NInputPlane} -> {NOutputPlane}, {_connections.GetLength(0)} connections, {KW}x{KH}, {DW}, {DH}, {PadW}, {PadH})";

    private (int N, int H, int W, int OutH, int OutW) Sizes(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 3 or 4 && input.Size(-3) == NInputPlane, $"input [{NInputPlane}, H, W] or [N, {NInputPlane}, H, W]", input);
        int h = input.Size(-2), w = input.Size(-1);
        Require.Shape(h + 2 * PadH >= KH && w + 2 * PadW >= KW, $"an image of at least the kernel's {KH}x{KW}", input);
        return (input.Dim() == 3 ? 1 : input.Size(0), h, w, (h + 2 * PadH - KH) / DH + 1, (w + 2 * PadW - KW) / DW + 1);
    }
}
