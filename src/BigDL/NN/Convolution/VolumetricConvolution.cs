using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 3-d convolution of [nInputPlane, T, H, W] or [N, nInputPlane, T, H, W] (e.g. video), giving nOutputPlane volumes of
/// (T + 2·padT − kT) / dT + 1 by … by … .
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.VolumetricConvolution</c> (PyTorch <c>nn.Conv3d</c>): argument order time, width, height, as BigDL.
/// Weight [nOutputPlane, nInputPlane, kT, kH, kW], bias [nOutputPlane]; default init U(±1/√(kT·kW·kH·nInputPlane)).
/// Computed per volume as vol2col + one GEMM through the BLAS seam.
/// </remarks>
public sealed class VolumetricConvolution<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _columns = new();

    /// <summary>Creates the layer.</summary>
    /// <param name="nInputPlane">Input channels.</param>
    /// <param name="nOutputPlane">Output channels.</param>
    /// <param name="kT">Kernel depth (time).</param>
    /// <param name="kW">Kernel width.</param>
    /// <param name="kH">Kernel height.</param>
    /// <param name="dT">Step in time (default 1).</param>
    /// <param name="dW">Horizontal step (default 1).</param>
    /// <param name="dH">Vertical step (default 1).</param>
    /// <param name="padT">Padding in time (default 0).</param>
    /// <param name="padW">Horizontal padding (default 0).</param>
    /// <param name="padH">Vertical padding (default 0).</param>
    /// <param name="withBias">Whether to add a learnable bias (default true).</param>
    public VolumetricConvolution(int nInputPlane, int nOutputPlane, int kT, int kW, int kH, int dT = 1, int dW = 1, int dH = 1,
        int padT = 0, int padW = 0, int padH = 0, bool withBias = true)
    {
        foreach (var (value, name) in new[] { (nInputPlane, nameof(nInputPlane)), (nOutputPlane, nameof(nOutputPlane)), (kT, nameof(kT)), (kW, nameof(kW)), (kH, nameof(kH)), (dT, nameof(dT)), (dW, nameof(dW)), (dH, nameof(dH)) })
            if (value <= 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive");
        (NInputPlane, NOutputPlane, KT, KW, KH, DT, DW, DH, PadT, PadW, PadH) = (nInputPlane, nOutputPlane, kT, kW, kH, dT, dW, dH, padT, padW, padH);
        Weight = new Tensor<T>(nOutputPlane, nInputPlane, kT, kH, kW);
        GradWeight = new Tensor<T>(nOutputPlane, nInputPlane, kT, kH, kW);
        if (withBias)
        {
            Bias = new Tensor<T>(nOutputPlane);
            GradBias = new Tensor<T>(nOutputPlane);
        }
        Reset();
    }

    /// <summary>Input channels.</summary>
    public int NInputPlane { get; }

    /// <summary>Output channels.</summary>
    public int NOutputPlane { get; }

    /// <summary>Kernel depth.</summary>
    public int KT { get; }

    /// <summary>Kernel width.</summary>
    public int KW { get; }

    /// <summary>Kernel height.</summary>
    public int KH { get; }

    /// <summary>Step in time.</summary>
    public int DT { get; }

    /// <summary>Horizontal step.</summary>
    public int DW { get; }

    /// <summary>Vertical step.</summary>
    public int DH { get; }

    /// <summary>Padding in time.</summary>
    public int PadT { get; }

    /// <summary>Horizontal padding.</summary>
    public int PadW { get; }

    /// <summary>Vertical padding.</summary>
    public int PadH { get; }

    /// <summary>The weight [nOutputPlane, nInputPlane, kT, kH, kW].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the weight.</summary>
    public Tensor<T> GradWeight { get; }

    /// <summary>The bias, or null.</summary>
    public Tensor<T>? Bias { get; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool WithBias => Bias is not null;

    /// <summary>Gradient of the bias, or null.</summary>
    public Tensor<T>? GradBias { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        var format = new VariableFormat(NInputPlane * KT * KH * KW, NOutputPlane * KT * KH * KW);
        (WeightInitMethod ?? new RandomUniform()).Init(Weight, format);
        if (Bias is not null) (BiasInitMethod ?? new RandomUniform()).Init(Bias, format);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (g, volumes) = Geometry(input);
        var x = input.Contiguous();
        Output.Resize(input.Dim() == 4 ? [NOutputPlane, g.OutT, g.OutH, g.OutW] : [volumes, NOutputPlane, g.OutT, g.OutH, g.OutW]);
        var y = Output.View(volumes, NOutputPlane, g.Positions);
        var w = Weight.View(NOutputPlane, g.Rows);
        for (int v = 0; v < volumes; v++)
        {
            Vol2Col.Unfold(g, x.AsSpan().Slice(v * g.C * g.T * g.H * g.W, g.C * g.T * g.H * g.W), _columns.Resize(g.Rows, g.Positions).AsSpan());
            var target = y.Select(0, v);
            target.AddMM(T.Zero, T.One, w, _columns);
            if (Bias is not null) target.Add(Bias.View(NOutputPlane, 1).Expand(NOutputPlane, g.Positions));
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (g, volumes) = Geometry(input);
        Require.SameShape(gradOutput, Output);
        var gy = gradOutput.Contiguous().View(volumes, NOutputPlane, g.Positions);
        GradInput.ResizeAs(input).Zero();
        var w = Weight.View(NOutputPlane, g.Rows);
        int volume = g.C * g.T * g.H * g.W;
        for (int v = 0; v < volumes; v++)
        {
            _columns.Resize(g.Rows, g.Positions).AddMM(T.Zero, T.One, w.T(), gy.Select(0, v));
            Vol2Col.Fold(g, _columns.AsSpan(), GradInput.AsSpan().Slice(v * volume, volume));
        }
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (g, volumes) = Geometry(input);
        var x = input.Contiguous();
        var gy = gradOutput.Contiguous().View(volumes, NOutputPlane, g.Positions);
        var gw = GradWeight.View(NOutputPlane, g.Rows);
        int volume = g.C * g.T * g.H * g.W;
        for (int v = 0; v < volumes; v++)
        {
            Vol2Col.Unfold(g, x.AsSpan().Slice(v * volume, volume), _columns.Resize(g.Rows, g.Positions).AsSpan());
            gw.AddMM(T.One, WeightScale, gy.Select(0, v), _columns.T());
            GradBias?.Add(BiasScale, gy.Select(0, v).Sum(1).View(NOutputPlane));
        }
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() =>
        Bias is null ? ([Weight], [GradWeight]) : ([Weight, Bias], [GradWeight, GradBias!]);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{PrintName}({NInputPlane} -> {NOutputPlane}, {KT}x{KW}x{KH}, {DT}, {DW}, {DH}, {PadT}, {PadW}, {PadH})";

    private (Vol2Col.Geometry Geometry, int Volumes) Geometry(Tensor<T> input)
    {
        Require.Shape(input.Dim() is 4 or 5 && input.Size(-4) == NInputPlane,
            $"input [{NInputPlane}, T, H, W] or [N, {NInputPlane}, T, H, W]", input);
        var g = new Vol2Col.Geometry(NInputPlane, input.Size(-3), input.Size(-2), input.Size(-1), KT, KH, KW, DT, DH, DW, PadT, PadH, PadW);
        Require.Shape(g.T + 2 * PadT >= KT && g.H + 2 * PadH >= KH && g.W + 2 * PadW >= KW, $"a volume of at least the kernel's {KT}x{KH}x{KW} (after padding)", input);
        return (g, input.Dim() == 4 ? 1 : input.Size(0));
    }
}
