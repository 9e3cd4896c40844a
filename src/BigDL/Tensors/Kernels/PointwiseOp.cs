namespace BigDL.Tensors.Kernels;

/// <summary>The unary element-wise operations of <see cref="UnaryAction{T}"/> (a, b are its scalar parameters).</summary>
internal enum UnaryOp
{
    AddScalar, MulScalar, ScalarMinus, ScalarDivide, Pow, Square, Exp, Log, Log1p, Sqrt, Abs, Neg, Tanh, Sigmoid,
    Clamp, Sign, Floor, Ceil, Round, MaxScalar, MinScalar,
    Gt, Ge, Lt, Le, Eq, Ne,
}

/// <summary>The binary element-wise operations of <see cref="BinaryAction{T}"/>.</summary>
internal enum BinaryOp
{
    /// <summary>x + alpha·y.</summary>
    AddScaled,
    Mul, Div, Max, Min, Gt, Ge, Lt, Le, Eq, Ne,
    /// <summary>y ≠ 0 ? alpha : x.</summary>
    MaskedFill,
}

/// <summary>The ternary element-wise operations of <see cref="TernaryAction{T}"/>.</summary>
internal enum TernaryOp
{
    /// <summary>x + value·y·z.</summary>
    AddCMul,
    /// <summary>x + value·y/z.</summary>
    AddCDiv,
}
