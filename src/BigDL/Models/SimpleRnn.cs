using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>
/// A word-level recurrent language model: LookupTable → Recurrent(RnnCell) → TimeDistributed(Linear) →
/// TimeDistributed(LogSoftMax), after BigDL's <c>SimpleRNN</c> example.
/// </summary>
/// <remarks>
/// Input: 0-based word indices [N, T]; output: log-probabilities of the next word [N, T, outputSize]. Train with
/// ClassNLLCriterion on the output viewed as [N·T, outputSize] against the [N·T] next-word indices.
/// BigDL's example feeds one-hot vectors to the RnnCell; an embedding of <c>hiddenSize</c> is the same map
/// without the one-hot tensor.
/// </remarks>
public static class SimpleRnn
{
    /// <summary>Builds the model.</summary>
    /// <param name="inputSize">Vocabulary size (number of word indices).</param>
    /// <param name="hiddenSize">Embedding and hidden state size.</param>
    /// <param name="outputSize">Number of predicted words (usually the vocabulary size).</param>
    public static Sequential<T> Create<T>(int inputSize, int hiddenSize, int outputSize) where T : unmanaged, IFloatingPointIeee754<T> =>
        new Sequential<T>()
            .Add(new LookupTable<T>(inputSize, hiddenSize))
            .Add(new Recurrent<T>().Add(new RnnCell<T>(hiddenSize, hiddenSize)))
            .Add(new TimeDistributed<T>(new Linear<T>(hiddenSize, outputSize)))
            .Add(new TimeDistributed<T>(new LogSoftMax<T>()));
}
